// The terraform test files that ship with each module (modules/<name>/tests/), run by real
// Terraform: the provider-free document module as it is, the others with mock_provider "aws"
// (the real hashicorp/aws schema, mocked apply). `terraform test` validates each module first.
// Then the network's cloudshell_policy_json, taken from a mocked apply, is IAM-simulated with
// the IDs the mocked network returned, and so is its S3 gateway endpoint's data-perimeter policy.
import * as path from "node:path";
import { directories, generated } from "../../tools/generated";
import { ENI_ARN, IamRequest, simulateRequest } from "../../src/evidence/simulate";
import { EndpointRequest, FULL_ACCESS, simulateThroughEndpoint } from "../../src/evidence/simulate-endpoint";
import { EXPECTED, expectedExtra, perimeterEvidence, perimeterPolicies } from "../../src/evidence/endpoint-perimeter";
import { MONITORING_FILE, PERIMETER_FILE, TRAIL_MONITORING_FILE } from "../../src/evidence/files";
import { mocksAws, ModuleTestFile, summaryOf, testModulesTogether } from "../../src/evidence/module-tests";
import { monitoringMatches, PATTERNS_TEST, patternsOf } from "../../src/evidence/monitoring-matches";
import { AWS_PROVIDER_VERSION, REQUIRES_AWS, TestReport, TestRun } from "../../src/evidence/terraform";
import { TRAIL_PATTERNS_TEST, trailMonitoringMatches, TrailPatterns, trailPatternsOf } from "../../src/evidence/trail-monitoring-matches";
import { expectCommitted } from "../support/evidence";
import { describeWithProvider } from "../support/provider";

const MODULES = directories("modules");
const testFilesOf = (dir: string) => [...generated().files].filter(([rel]) => rel.startsWith(`${dir}/tests/`) && rel.endsWith(".tftest.hcl"));
const runCount = (dir: string) => testFilesOf(dir).reduce((n, [, text]) => n + (text.match(/^run "/gm) ?? []).length, 0);

const NETWORK = "modules/cloudshell-vpc-network";

/**
 * Runs that must fail, with the message a user would read: written into the scratch copy beside
 * the shipped files (whose runs use expect_failures and so never show the message), reported apart.
 * The other modules' messages are rows of "Mistakes we catch" (test/modules/mistakes.terraform.test.ts).
 */
const pattern = (i: number) => `arn:aws:iam::*:role/break-glass-administrator-${String(i).padStart(3, "0")}`;
const MESSAGE_RUNS: Record<string, { name: string; variables: Record<string, unknown> }> = {
  // 200 long exemption patterns: each statement alone is over the SCP limit, so no split fits.
  "modules/cloudshell-guardrail": { name: "over", variables: { disable_cloudshell: true, deny_attaching_full_access: true, exempt_principal_arns: Array.from({ length: 200 }, (_, i) => pattern(i)), target_ids: ["r-ab12"] } },
};
const MESSAGE_FILE = "tests/zz_messages.tftest.hcl";
const messageFile = (run: { name: string; variables: Record<string, unknown> }) =>
  `mock_provider "aws" {}\n\nrun "${run.name}" {\n  command = plan\n\n  variables {\n${Object.entries(run.variables)
    .map(([k, v]) => `    ${k} = ${JSON.stringify(v)}`)
    .join("\n")}\n  }\n}\n`;
const POLICY_FILE = "tests/defaults.tftest.hcl";
const POLICY_RUN = "two_zones_give_the_console_the_mocked_network";
/** The runs that must fail, per module: reported apart from the shipped files. */
const messageReports = new Map<string, TestReport>();
/** The shipped files' runs, per module. */
const reports = new Map<string, TestReport>();
let networkDefaults: TestReport;

const testsOf = (dir: string): ModuleTestFile[] => testFilesOf(dir).map(([rel, content]) => ({ module: dir, file: path.relative(dir, rel), content }));
const TRAIL = "modules/cloudshell-trail-monitoring";
const TRAIL_LOG_GROUP = { log_group_name: "aws-cloudtrail-logs-o-exampleorgid", log_group_region: "us-east-1", sns_topic_arn: "arn:aws:sns:us-east-1:111122223333:security-alerts" };
/** The trail module's plan-time messages, a file each (a run that errors skips the rest of its file): the provider in another Region (the mock's is a random string), and a list too long for one filter pattern. */
const TRAIL_MESSAGE_FILES: ModuleTestFile[] = [
  { module: TRAIL, file: MESSAGE_FILE, content: messageFile({ name: "region", variables: TRAIL_LOG_GROUP }) },
  {
    module: TRAIL,
    file: "tests/zz_messages_length.tftest.hcl",
    content: messageFile({ name: "length", variables: { ...TRAIL_LOG_GROUP, approved_security_group_ids: Array.from({ length: 12 }, (_, i) => `sg-0123456789abcde${(i + 16).toString(16)}`) } }).replace('mock_provider "aws" {}', 'mock_provider "aws" {\n  mock_data "aws_region" {\n    defaults = { id = "us-east-1" }\n  }\n}'),
  },
];
const MESSAGE_FILES: ModuleTestFile[] = [
  ...Object.entries(MESSAGE_RUNS).map(([module, run]) => ({ module, file: MESSAGE_FILE, content: messageFile(run) })),
  ...TRAIL_MESSAGE_FILES,
];
/**
 * The guardrail with allowed IDs of a VPC created in the same apply (unknown at plan), protecting
 * that VPC too: a fixture configuration beside the modules. A file per run that errors, since such
 * a run skips the rest of its file; each apply plans first, with the VPC ID unknown.
 */
const UNKNOWN_IDS = "fixtures/guardrail-unknown-ids";
const UNKNOWN_IDS_MAIN = `${REQUIRES_AWS}
resource "aws_vpc" "new" {
  cidr_block = "10.0.0.0/16"
}

variable "scp_count" {
  type    = number
  default = null
}

module "guardrail" {
  source                    = "../../modules/cloudshell-guardrail"
  allowed_vpc_ids           = [aws_vpc.new.id]
  protect_approved_networks = true
  exempt_principal_arns     = ["arn:aws:iam::*:role/AWSControlTowerExecution"]
  target_ids                = ["r-ab12", "123456789012"]
  scp_count                 = var.scp_count
}

# Root outputs: terraform test (1.11) flags an unknown root output in a plan run's assertion, but
# not an unknown output of a module called there (it let module.guardrail.policy_sizes[0] > 0 pass).
output "policy_sizes" {
  value = module.guardrail.policy_sizes
}

output "max_policy_sizes" {
  value = module.guardrail.max_policy_sizes
}
`;
const SIZED = `mock_provider "aws" {
  mock_resource "aws_vpc" {
    defaults = { id = "vpc-0123456789abcdef0" }
  }
}

run "sized_at_plan" {
  command = plan

  assert {
    condition     = length(output.max_policy_sizes) == 1 && output.max_policy_sizes[0] <= 10240
    error_message = "one SCP, its largest size known at plan"
  }
}

run "applied" {
  assert {
    condition     = length(output.policy_sizes) == 1 && output.policy_sizes[0] <= output.max_policy_sizes[0]
    error_message = "one SCP, no larger than sized"
  }
}
`;
/** The control that the IDs are unknown at plan: the real sizes cannot be asserted then. */
const UNSIZED = `mock_provider "aws" {}

run "real_sizes_at_plan" {
  command = plan

  assert {
    condition     = output.policy_sizes[0] > 0
    error_message = "a real size"
  }
}
`;
const WRONG_COUNT = `mock_provider "aws" {}

run "wrong_scp_count" {
  command = plan

  variables {
    scp_count = 2
  }
}
`;
const UNKNOWN_IDS_TESTS: ModuleTestFile[] = [
  { module: UNKNOWN_IDS, file: "tests/sized.tftest.hcl", content: SIZED },
  { module: UNKNOWN_IDS, file: "tests/unsized.tftest.hcl", content: UNSIZED },
  { module: UNKNOWN_IDS, file: "tests/wrong.tftest.hcl", content: WRONG_COUNT },
];
let unknownIds: Record<string, TestRun>;

/** The monitoring module's patterns, from the mocked apply that makes its evidence. */
let monitoringPatterns: Record<string, Record<string, unknown>>;
/** The trail-monitoring module's patterns, likewise. */
let trailPatterns: TrailPatterns;
/** The trail module's message runs, by run name. */
let trailMessages: Record<string, TestRun> = {};

/**
 * Every module's files in three `terraform test` processes (src/evidence/module-tests.ts), for every AWS
 * command decodes the provider's schema (about 2 s of CPU) however few runs it has: the mocked
 * applies whose outputs are read (the network's defaults and the monitoring evidence's run),
 * verbose, which prints the provider's whole schema with each run, so it is kept to those; every
 * other file with a mocked AWS provider; the provider-free files.
 */
async function runAll(): Promise<void> {
  const all = [...MODULES.flatMap(testsOf), ...MESSAGE_FILES, PATTERNS_TEST, TRAIL_PATTERNS_TEST, ...UNKNOWN_IDS_TESTS];
  const verbose = (t: ModuleTestFile) => (t.module === NETWORK && t.file === POLICY_FILE) || t === PATTERNS_TEST || t === TRAIL_PATTERNS_TEST;
  const groups = [
    { tests: all.filter(verbose), verbose: true },
    { tests: all.filter((t) => !verbose(t) && mocksAws(t)) },
    { tests: all.filter((t) => !mocksAws(t)) },
  ];
  const fixtures: [string, string][] = [[`${UNKNOWN_IDS}/main.tf`, UNKNOWN_IDS_MAIN]];
  const results = await Promise.all(groups.map((g) => testModulesTogether(generated().files, g.tests, { verbose: g.verbose, fixtures })));
  const fixtureRuns = results.flatMap((r) => r.get(UNKNOWN_IDS)?.runs ?? []);
  unknownIds = Object.fromEntries(fixtureRuns.map((r) => [r.run, r]));
  for (const dir of MODULES) {
    const parts = results.map((r) => r.get(dir)).filter((r): r is TestReport => r !== undefined);
    const runs = parts.flatMap((r) => r.runs);
    const report = (rs: TestRun[]): TestReport => ({ provider: parts[0]?.provider, runs: rs, summary: summaryOf(rs) });
    const shipped = new Set(testsOf(dir).map((t) => t.file));
    reports.set(dir, report(runs.filter((r) => shipped.has(r.file))));
    messageReports.set(dir, report(runs.filter((r) => r.file === MESSAGE_FILE)));
    if (dir === PATTERNS_TEST.module) monitoringPatterns = patternsOf(report(runs.filter((r) => r.file === PATTERNS_TEST.file)));
    if (dir === TRAIL) {
      trailPatterns = trailPatternsOf(report(runs.filter((r) => r.file === TRAIL_PATTERNS_TEST.file)));
      trailMessages = Object.fromEntries(runs.filter((r) => TRAIL_MESSAGE_FILES.some((f) => f.file === r.file)).map((r) => [r.run, r]));
    }
  }
  networkDefaults = reports.get(NETWORK)!;
}

/** The outputs of the network's mocked apply whose policy and endpoint policies are simulated. */
function policyRunOutputs(): Record<string, unknown> {
  const run = networkDefaults.runs.find((r) => r.file === POLICY_FILE && r.run === POLICY_RUN);
  if (!run?.outputs) throw new Error(`${POLICY_FILE} / ${POLICY_RUN} left no outputs: ${JSON.stringify(run)}`);
  return run.outputs;
}

test("every module has test files", () => {
  for (const dir of MODULES) expect(`${dir}: ${testFilesOf(dir).length > 0}`).toBe(`${dir}: true`);
});

describeWithProvider("the modules' terraform test files and what their mocked applies give", () => {
  beforeAll(runAll);

  describe("each module's shipped terraform test files pass under real Terraform", () => {
    test.each(MODULES)("%s: every run block passes", (dir) => {
      const report = reports.get(dir)!;
      const failed = report.runs.filter((r) => r.status !== "pass").map((r) => `${r.file} / ${r.run}: ${r.status} ${r.messages.join(" | ")}`);
      expect(failed).toEqual([]);
      expect(report.summary).toEqual({ passed: runCount(dir), failed: 0, errored: 0, skipped: 0 });
    });

    test("modules that use AWS ran with the pinned provider", () => {
      for (const [dir, report] of reports) {
        const usesAws = generated().files.get(`${dir}/versions.tf`)!.includes('"hashicorp/aws"');
        expect(`${dir}: ${report.provider}`).toBe(`${dir}: ${usesAws ? `hashicorp/aws ${AWS_PROVIDER_VERSION}` : undefined}`);
      }
    });
  });

  describe("the guardrail over its size limit stops the plan with a message that names its sizes", () => {
    const message = (dir: string) => {
      const run = messageReports.get(dir)?.runs.find((r) => r.run === MESSAGE_RUNS[dir].name);
      if (!run) throw new Error(`${dir}: the message run did not report`);
      expect(["fail", "error"]).toContain(run.status);
      return run.messages.join(" ");
    };

    test("cloudshell-guardrail: statements that no split into SCPs of 10,240 characters fits", () => {
      const text = message("modules/cloudshell-guardrail");
      const got = /The guardrail does not fit: its 4 statements can take (\d+) characters in one document with every allowed ID at its longest form \(the largest statement (\d+)\), and split into whole statements they need (\d+) SCPs of up to ([\d, ]+) characters, with max_scps = 2 and 0 statements left beyond 10 SCPs\. AWS takes 10,240 characters per SCP and 10 SCPs attached to each root, OU or account, FullAWSAccess and the organization's other SCPs included: raise max_scps/.exec(text.replace(/\s+/g, " "));
      expect(got).not.toBeNull();
      expect(Number(got![2])).toBeGreaterThan(10240);
      expect(got![4].split(", ").map(Number).some((n) => n > 10240)).toBe(true);
    });
  });

  describe("the network's policy, simulated with the IDs of a mocked apply", () => {
    type Form = { vpc_id: string; subnet_ids: Record<string, string>; security_group_ids: string[] };
    let policy: object;
    let form: Form;
    const OTHER = { vpc: "vpc-0999999999999999f", subnet: "subnet-0999999999999999f", sg: "sg-0999999999999999f" };

    beforeAll(() => {
      const outputs = policyRunOutputs();
      policy = JSON.parse(outputs.cloudshell_policy_json as string);
      form = outputs.vpc_environment as Form;
    });

    const create = (vpc: string, subnet: string, sgs: string[]): IamRequest => ({
      action: "cloudshell:CreateEnvironment",
      resource: "*",
      context: { "cloudshell:VpcIds": [vpc], "cloudshell:SubnetIds": [subnet], "cloudshell:SecurityGroupIds": sgs },
    });
    const subnet = () => Object.values(form.subnet_ids)[0];

    test("the mocked apply returned the network's IDs", () => {
      expect(form.vpc_id).toMatch(/^vpc-[0-9a-f]{17}$/);
      expect(Object.keys(form.subnet_ids).sort()).toEqual(["us-east-1a", "us-east-1b"]);
      expect(new Set(Object.values(form.subnet_ids)).size).toBe(2);
      expect(form.security_group_ids).toHaveLength(1);
    });

    test("an environment in this VPC, in each of its subnets, with its group, is allowed", async () => {
      for (const s of Object.values(form.subnet_ids)) {
        expect(await simulateRequest(policy, create(form.vpc_id, s, form.security_group_ids))).toBe("Allowed");
      }
    });

    test.each([
      ["another VPC", () => create(OTHER.vpc, subnet(), form.security_group_ids)],
      ["a subnet outside the network", () => create(form.vpc_id, OTHER.subnet, form.security_group_ids)],
      ["a group outside the network", () => create(form.vpc_id, subnet(), [...form.security_group_ids, OTHER.sg])],
      ["a public environment", () => ({ action: "cloudshell:CreateEnvironment", resource: "*" }) as IamRequest],
      ["a request without subnet IDs", () => ({ action: "cloudshell:CreateEnvironment", resource: "*", context: { "cloudshell:VpcIds": [form.vpc_id], "cloudshell:SecurityGroupIds": form.security_group_ids } }) as IamRequest],
      ["a request without security-group IDs", () => ({ action: "cloudshell:CreateEnvironment", resource: "*", context: { "cloudshell:VpcIds": [form.vpc_id], "cloudshell:SubnetIds": [subnet()] } }) as IamRequest],
    ])("%s is denied explicitly", async (_what, request) => {
      expect(await simulateRequest(policy, request())).toBe("ExplicitlyDenied");
    });

    test("CloudShell's network-interface calls in the network are allowed", async () => {
      const via = { "aws:CalledVia": ["cloudshell.amazonaws.com"] };
      const arn = (type: string, id: string) => `arn:aws:ec2:us-east-1:123456789012:${type}/${id}`;
      const requests: IamRequest[] = [
        { action: "ec2:CreateNetworkInterface", resource: arn("subnet", subnet()), context: via },
        { action: "ec2:CreateNetworkInterface", resource: arn("security-group", form.security_group_ids[0]), context: via },
        { action: "ec2:CreateNetworkInterface", resource: ENI_ARN, context: { ...via, "aws:TagKeys": ["ManagedByCloudShell"] } },
        { action: "ec2:CreateTags", resource: ENI_ARN, context: { ...via, "ec2:CreateAction": "CreateNetworkInterface", "aws:TagKeys": ["ManagedByCloudShell"] } },
        { action: "ec2:CreateNetworkInterfacePermission", resource: ENI_ARN, context: { ...via, "aws:ResourceTag/ManagedByCloudShell": "" } },
        { action: "ec2:DeleteNetworkInterface", resource: ENI_ARN, context: { ...via, "aws:ResourceTag/ManagedByCloudShell": "" } },
      ];
      for (const r of requests) expect(`${r.action} on ${r.resource}: ${await simulateRequest(policy, r)}`).toBe(`${r.action} on ${r.resource}: Allowed`);
    });
  });

  describe("the S3 gateway endpoint's default policy, simulated with the account of a mocked apply", () => {
    const OWN = "123456789012";
    const OUTSIDE = "999999999999";
    const AWS_OWNED = "111122223333";
    const me = `arn:aws:iam::${OWN}:role/cloudshell-user`;
    const REPO = "arn:aws:s3:::al2023-repos-us-east-1-de612dc2/repodata/repomd.xml";
    let perimeter: object;

    beforeAll(() => {
      perimeter = JSON.parse((policyRunOutputs().endpoint_policies as Record<string, string>).s3);
    });

    const CASES: [string, EndpointRequest, string][] = [
      ["own principal writes its own bucket", { principal: me, action: "s3:PutObject", resource: "arn:aws:s3:::own-bucket/file", resourceAccount: OWN }, "Allowed"],
      ["own principal writes an outside bucket", { principal: me, action: "s3:PutObject", resource: "arn:aws:s3:::outside-bucket/file", resourceAccount: OUTSIDE }, "ImplicitlyDenied"],
      [
        "an outside principal (a presigned URL) writes an outside bucket",
        { principal: `arn:aws:iam::${OUTSIDE}:user/receiver`, action: "s3:PutObject", resource: "arn:aws:s3:::outside-bucket/file", resourceAccount: OUTSIDE },
        "ImplicitlyDenied",
      ],
      ["an unsigned read of an outside public bucket", { principal: "anonymous", action: "s3:GetObject", resource: "arn:aws:s3:::outside-bucket/file", resourceAccount: OUTSIDE }, "ImplicitlyDenied"],
      ["dnf reads the Amazon Linux 2023 repository (unsigned)", { principal: "anonymous", action: "s3:GetObject", resource: REPO, resourceAccount: AWS_OWNED }, "Allowed"],
      ["own principal writes to the AWS-owned repository", { principal: me, action: "s3:PutObject", resource: REPO, resourceAccount: AWS_OWNED }, "ImplicitlyDenied"],
    ];

    test.each(CASES.map(([what, request, expected]) => [what, expected, request] as const))("%s: %s", async (_what, expected, request) => {
      expect(await simulateThroughEndpoint(perimeter, request)).toBe(expected);
    });

    test("control: AWS's default endpoint policy (full access) lets the outside requests through", async () => {
      const outside = CASES.filter(([what]) => what.includes("outside")).map(([, r]) => r);
      for (const r of outside) expect(`${r.principal} ${r.resource}: ${await simulateThroughEndpoint(FULL_ACCESS, r)}`).toBe(`${r.principal} ${r.resource}: Allowed`);
    });
  });

  describe("every endpoint's perimeter, simulated with the policies of a mocked apply", () => {
    test("an outsider and outside resources are denied, own work is allowed, AWS's default lets the outsider through", async () => {
      const evidence = await perimeterEvidence(perimeterPolicies(networkDefaults));
      const wrong = evidence.endpoints.flatMap((e) => Object.entries(e.results).filter(([c, r]) => r !== EXPECTED[c as keyof typeof EXPECTED]).map(([c, r]) => `${e.label} ${c}: ${r}`));
      expect(wrong).toEqual([]);
      expect(evidence.extra.filter((e) => e.result !== expectedExtra(e.what)).map((e) => `${e.label} ${e.what}: ${e.result}`)).toEqual([]);
      // The unsigned invoke of an outside API is what AWS's default policy lets through.
      expect(evidence.extra.find((e) => e.what.startsWith("unsigned invoke of an outside"))?.control).toBe("Allowed");
      // The committed evidence/endpoint-perimeter.json (the README's table) is this simulation: `npm run synth` rewrites it.
      expectCommitted(PERIMETER_FILE, evidence);
    });
  });

  describe("the monitoring rules' patterns, from a mocked apply", () => {
    // The samples each rule must and must not alert on are checked against this evidence in
    // test/modules/cloudshell-monitoring/monitoring.terraform.test.ts.
    test("evidence/monitoring-matches.json is what the module and the matcher give today", () => {
      expectCommitted(MONITORING_FILE, monitoringMatches(monitoringPatterns));
    });
  });

  describe("the trail monitoring's patterns, from a mocked apply, and its plan-time messages", () => {
    test("evidence/trail-monitoring-matches.json is what the module and the matcher give today", () => {
      expectCommitted(TRAIL_MONITORING_FILE, trailMonitoringMatches(trailPatterns));
    });

    test("a provider in another Region than the log group stops the plan with a message naming both", () => {
      expect(["fail", "error"]).toContain(trailMessages.region?.status);
      expect(trailMessages.region.messages.join(" ")).toMatch(/The AWS provider's Region is \S+, but log_group_region is us-east-1: metric filters, alarms and queries must be created in the log group's Region/);
    });

    test("an approved list too long for one filter pattern stops the plan with a message naming the inputs", () => {
      expect(["fail", "error"]).toContain(trailMessages.length?.status);
      const text = trailMessages.length.messages.join(" ").replace(/\s+/g, " ");
      expect(text).toMatch(/The filter pattern outside_approved_network-organization-\d+ is (\d+) characters; CloudWatch Logs takes 1024/);
      expect(text).toContain("approved_vpc_ids, approved_subnet_ids, approved_security_group_ids, with the account's own in approved_networks_by_account");
    });
  });

  describe("the guardrail with allowed IDs of a VPC created in the same apply (unknown at plan)", () => {
    test("its SCPs are counted and sized at plan (the most characters each can take), and a mocked apply has one SCP no larger", () => {
      expect(unknownIds.sized_at_plan).toMatchObject({ status: "pass" });
      expect(unknownIds.applied).toMatchObject({ status: "pass" });
    });

    test("control: the IDs are unknown at plan, so the real sizes are too", () => {
      expect(["fail", "error"]).toContain(unknownIds.real_sizes_at_plan.status);
      // terraform test says so, or (1.11, with this fixture) holds the unknown size as null: "argument must not be null".
      expect(unknownIds.real_sizes_at_plan.messages.join(" ")).toMatch(/could not be evaluated at this time|argument must not be null/);
    });

    test("a wrong scp_count (deprecated) stops the plan, naming the count: it is known then", () => {
      expect(["fail", "error"]).toContain(unknownIds.wrong_scp_count.status);
      expect(unknownIds.wrong_scp_count.messages.join(" ").replace(/\s+/g, " ")).toContain("scp_count = 2, but the statements take 1 SCP(s) of up to");
    });
  });
});
