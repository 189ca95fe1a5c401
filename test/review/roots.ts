// What the review is tried on, beside the examples: roots a newcomer writes from the READMEs, and a
// change that widens access and one that narrows it. All are planned in the examples' one real plan
// (tools/plan-snapshots.ts, roots), as roots of their own under examples/<name>/, with the modules by
// relative path (a newcomer's git or registry source, offline). The changes are planned against a
// prior state (no refresh: there is no AWS here) holding what the iam-policy example creates, taken
// from its committed plan snapshot: the same policy and attachment, with the IDs AWS would have given.
import * as fs from "node:fs";
import * as path from "node:path";
import { COORDINATES } from "../../src/generator/coordinates";
import { ROOT } from "../../tools/generated";
import { PLANS_DIR, readSnapshot } from "../../tools/plan-snapshots";

const README = () => fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
/** The README's HCL snippet that contains every marker, with its module sources made local. */
function readmeSnippet(...markers: string[]): string {
  const block = [...README().matchAll(/```hcl\n([\s\S]*?)```/g)].map((m) => m[1]).find((b) => markers.every((x) => b.includes(x)));
  if (!block) throw new Error(`README.md has no HCL snippet with ${markers.join(", ")}: the newcomer roots are taken from it`);
  return block.replace(new RegExp(`${COORDINATES.git.replace(/[.]/g, "\\.")}//(modules|wrappers)/([a-z-]+)\\?ref=[^"]+`, "g"), "../../$1/$2");
}

const CENTRAL_BUS = "arn:aws:events:us-east-1:999999999999:event-bus/security-central";

/** Root name -> its main.tf. */
export const NEWCOMER_ROOTS: Record<string, string> = {
  // "Several networks or Regions": two networks and one policy that admits both.
  "newcomer-two-region-policy": readmeSnippet('module "eu_west_1"', 'module "cloudshell_policy"', "allowed_regions"),
  // "Governing CloudShell across an organization": the full preset without the managed policy, and the root's guardrail.
  "newcomer-root-guardrail": readmeSnippet('module "cloudshell_full"', 'module "cloudshell_guardrail"'),
  // "Disable CloudShell in some OUs" and approved networks for one OU, exempt by tag.
  "newcomer-ou-guardrail": `module "sandboxes" {
  source = "../../modules/cloudshell-guardrail"

  name                  = "cloudshell-sandboxes"
  allowed_vpc_ids       = ["vpc-0123456789abcdef0"]
  deny_file_transfer    = true
  exempt_principal_tags = { "dp:exclude" = "true" }
  resource_control_policy = true
  target_ids            = ["ou-ab12-cd34ef56"]
}
`,
  // Monitoring in two Regions, both sending to a central account's event bus.
  "newcomer-central-monitoring": `provider "aws" {
  region = "us-east-1"
}

provider "aws" {
  alias  = "eu_west_1"
  region = "eu-west-1"
}

module "monitoring_us_east_1" {
  source = "../../modules/cloudshell-monitoring"

  name                           = "cloudshell-us-east-1"
  event_bus_arn                  = "${CENTRAL_BUS}"
  detect_full_access_attachments = true
}

module "monitoring_eu_west_1" {
  source = "../../modules/cloudshell-monitoring"

  providers = {
    aws = aws.eu_west_1
  }
  name          = "cloudshell-eu-west-1"
  event_bus_arn = "${CENTRAL_BUS}"
}
`,
  // Three teams through the policy wrapper, one policy each.
  "newcomer-three-teams": `module "cloudshell_policies" {
  source = "../../wrappers/cloudshell-policy"

  defaults = {
    preset = "no-credentials"
    tags   = { Team = "platform" }
  }
  items = {
    developers = { name = "cloudshell-developers", role_names = ["developer"] }
    auditors   = { name = "cloudshell-auditors", preset = "minimum", role_names = ["auditor"], allowed_regions = ["us-east-1"] }
    operators  = { name = "cloudshell-operators", preset = "full", allow_file_download = false, role_names = ["operator"] }
  }
}
`,
};

/** A root with nothing CloudShell (a queue): the review refuses it as bad input. */
export const NOTHING_CLOUDSHELL = "nothing-cloudshell";
const QUEUE = `resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}
`;

/** The iam-policy example with one more input: credentials allowed (wider), or file transfer denied (narrower). */
export const CHANGE_ROOTS: Record<string, { input: string; from: string }> = {
  "change-widening": { input: "allow_credentials = true", from: "iam-policy" },
  "change-narrowing": { input: "allow_file_upload = false\n  allow_file_download = false", from: "iam-policy" },
};

/** Every root planned beside the examples for the review's tests. */
export const REVIEW_ROOTS = [...Object.keys(NEWCOMER_ROOTS), ...Object.keys(CHANGE_ROOTS), NOTHING_CLOUDSHELL];

export function rootFiles(generated: Map<string, string>): Map<string, string> {
  const files = new Map<string, string>([[`examples/${NOTHING_CLOUDSHELL}/main.tf`, QUEUE]]);
  for (const [name, text] of Object.entries(NEWCOMER_ROOTS)) files.set(`examples/${name}/main.tf`, text);
  for (const [name, change] of Object.entries(CHANGE_ROOTS)) {
    const main = generated.get(`examples/${change.from}/main.tf`)!;
    files.set(`examples/${name}/main.tf`, main.replace(/(\n {2}role_names\s*=)/, `\n  ${change.input}$1`));
    files.set(`examples/${name}/versions.tf`, generated.get(`examples/${change.from}/versions.tf`)!);
  }
  return files;
}

/** IDs AWS gives what the iam-policy example creates (known only after apply in its plan). */
const ACCOUNT = "111122223333";
const FILLED: Record<string, (after: Record<string, unknown>) => Record<string, unknown>> = {
  aws_iam_policy: (a) => {
    const arn = `arn:aws:iam::${ACCOUNT}:policy${a.path}${a.name}`;
    return { arn, id: arn, policy_id: "ANPAEXAMPLEPOLICYID00", attachment_count: 1, name_prefix: "", tags_all: {} };
  },
  aws_iam_role_policy_attachment: () => ({ id: "developer-20260101000000000000000001" }),
};

/** A state in which each change root has what the iam-policy example creates, as if applied. */
export function priorState(): object {
  const snapshot = readSnapshot(fs.readFileSync(path.join(ROOT, PLANS_DIR, "iam-policy.json"), "utf8"));
  const resources = Object.keys(CHANGE_ROOTS).flatMap((root) => {
    const policy = snapshot.resource_changes.find((r) => r.address.endsWith("aws_iam_policy.this[0]"))!;
    const policyAttributes = { ...policy.after, ...FILLED.aws_iam_policy(policy.after!) };
    return snapshot.resource_changes.map((r) => {
      const m = /^(module\.[^.]+)\.([^.]+)\.([^.[]+)\[(.+)\]$/.exec(r.address)!;
      const [, module, type, name, index] = m;
      const attributes = type === "aws_iam_policy" ? policyAttributes : { ...r.after, policy_arn: policyAttributes.arn, ...FILLED[type](r.after!) };
      return {
        module: `module.${root}.${module}`,
        mode: "managed",
        type,
        name,
        provider: 'provider["registry.terraform.io/hashicorp/aws"]',
        instances: [{ index_key: JSON.parse(index), schema_version: 0, attributes, sensitive_attributes: [] }],
      };
    });
  });
  return { version: 4, terraform_version: "1.11.4", serial: 1, lineage: "00000000-0000-4000-8000-000000000000", outputs: {}, resources };
}
