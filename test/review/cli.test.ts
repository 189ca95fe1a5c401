// cloudshell-review's input: what is not a plan gets a message that says what it got and what it
// takes, and exit status 2; a plan is reviewed (0 or 3). And the evaluator's rules where the simulator
// of the differential test has no say: what it does not evaluate is "Unknown", never a guess.
import * as fs from "node:fs";
import * as path from "node:path";
import { decide, NamedPolicy, Request } from "../../src/review/evaluate";
import { tempDir } from "../../src/evidence/terraform";
import { runReview as run } from "../support/review";

const SAVED = "Give the JSON of a saved plan: `terraform plan -out=plan.out` then `terraform show -json plan.out`.";
/** A plan that creates one role with the full preset inline: something CloudShell. */
const PLAN = {
  format_version: "1.2",
  resource_changes: [
    {
      address: "aws_iam_role_policy.cloudshell",
      type: "aws_iam_role_policy",
      name: "cloudshell",
      mode: "managed",
      change: { actions: ["create"], before: null, after: { role: "admin", policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "cloudshell:*", Resource: "*" }] }) }, after_unknown: { id: true } },
    },
  ],
};

describe("cloudshell-review: bad input and usage, exit 2", () => {
  test.each([
    ["not JSON", "<html>", `standard input is not JSON (`],
    ["empty", "  \n", `standard input is empty. ${SAVED}`],
    ["JSON, not an object", "[1, 2]", `standard input is not a Terraform plan: it is JSON but not an object. ${SAVED}`],
    ["the log of terraform plan -json", '{"@level":"info","@message":"Terraform 1.11.4","type":"version"}\n{"@level":"info"}\n', `standard input is the log of \`terraform plan -json\`, not a plan. ${SAVED}`],
    ["no format_version", '{"resource_changes": []}', `standard input is not a Terraform plan: it has no format_version. ${SAVED}`],
    ["a state", '{"format_version": "1.0", "terraform_version": "1.11.4", "values": {"root_module": {}}}', `standard input is a state (\`terraform show -json\` without a plan file): it has no planned_values or resource_changes. ${SAVED}`],
    ["a future format", '{"format_version": "2.0", "resource_changes": []}', "standard input has format_version 2.0; this review reads plans of format 1.x (Terraform 1.x writes them)."],
    ["changes that are not Terraform's", '{"format_version": "1.2", "resource_changes": [{"address": "x"}]}', "standard input has resource_changes that are not Terraform's (each needs an address and change.actions)."],
    ["nothing CloudShell", '{"format_version": "1.2", "resource_changes": [], "configuration": {"root_module": {}}}', "standard input has nothing CloudShell: no call of this project's modules, and no IAM policy, SCP,"],
  ])("%s", (_what, input, message) => {
    const r = run([], input);
    expect([r.code, r.out]).toEqual([2, ""]);
    expect(r.err).toContain(`cloudshell-review: ${message}`);
  });

  test("a missing file, two files, an unknown option, --help: exit 2 with the usage or the file named", () => {
    expect(run(["no-such-plan.json"]).err).toContain('no-such-plan.json does not exist. Give the path of a plan\'s JSON, or "-" for standard input.');
    for (const args of [["a.json", "b.json"], ["--verbose"], ["--help"], ["-h"]]) {
      const r = run(args);
      expect(`${args.join(" ")}: ${r.code} ${r.out}`).toBe(`${args.join(" ")}: 2 `);
      expect(r.err).toContain("usage: cloudshell-review [plan.json | -]");
    }
  });

  test("the control: a plan, from standard input, \"-\" or a file, is reviewed (exit 3: a new grant)", () => {
    const file = path.join(tempDir("review-cli-"), "plan.json");
    fs.writeFileSync(file, JSON.stringify(PLAN));
    for (const args of [[], ["-"], [file]]) {
      const r = run(args, JSON.stringify(PLAN));
      expect(`${args.join(" ")}: ${r.code} ${r.err}`).toBe(`${args.join(" ")}: 3 `);
      expect(r.out).toContain("- **role admin** (new): may Launch CloudShell (open a session): public environment");
    }
  });
});

describe("an SCP statement the facts do not know", () => {
  test("is shown with its actions, resources and conditions, and its exemptions, beside the ones the facts name", () => {
    const scp = {
      Version: "2012-10-17",
      Statement: [
        { Sid: "DenyCredentialForwarding", Effect: "Deny", Action: ["cloudshell:PutCredentials"], Resource: "*" },
        {
          Sid: "DenyStoppingTheTrail",
          Effect: "Deny",
          Action: ["cloudtrail:StopLogging", "cloudtrail:DeleteTrail"],
          Resource: "arn:aws:cloudtrail:*:*:trail/organization",
          Condition: { ArnNotLike: { "aws:PrincipalArn": ["arn:aws:iam::*:role/platform-*"] }, StringEquals: { "aws:ResourceTag/owner": "security" } },
        },
      ],
    };
    const plan = {
      format_version: "1.2",
      resource_changes: [
        { address: "aws_organizations_policy.guardrail", change: { actions: ["no-op"], before: { id: "p-abc123", name: "guardrail", type: "SERVICE_CONTROL_POLICY", content: JSON.stringify(scp) }, after: { id: "p-abc123", name: "guardrail", type: "SERVICE_CONTROL_POLICY", content: JSON.stringify(scp) }, after_unknown: {} } },
        { address: "aws_organizations_policy_attachment.root", change: { actions: ["create"], before: null, after: { policy_id: "p-abc123", target_id: "r-ab12" }, after_unknown: { id: true } } },
      ],
    };
    const r = run([], JSON.stringify(plan));
    expect(r.code).toBe(0);
    expect(r.out).toContain('| DenyCredentialForwarding | Deny | no "AWS CLI credentials inside the shell" | nobody |');
    expect(r.out).toContain(
      '| DenyStoppingTheTrail | Deny | `cloudtrail:StopLogging, cloudtrail:DeleteTrail on arn:aws:cloudtrail:*:*:trail/organization when StringEquals aws:ResourceTag/owner "security"` | principals matching `arn:aws:iam::*:role/platform-*` |',
    );
    expect(r.out).toContain("- **SCPs on r-ab12** (new): denies AWS CLI credentials inside the shell: no: denied by DenyCredentialForwarding in SCP guardrail (narrows)");
  });
});

describe("the review's evaluator: what it does not evaluate is Unknown, with the reason", () => {
  const request = (context: Request["context"] = {}): Request => ({ action: "cloudshell:CreateEnvironment", resource: "*", context: { "aws:RequestedRegion": "us-east-1", ...context } });
  type Condition = Record<string, Record<string, unknown>>;
  const allow = (Condition?: Condition) => ({ name: "p", document: { Statement: [{ Effect: "Allow", Action: "cloudshell:*", Resource: "*", ...(Condition ? { Condition } : {}) }] } });
  const deny = (Condition: Condition) => ({ name: "d", document: { Statement: [{ Sid: "D", Effect: "Deny", Action: "cloudshell:*", Resource: "*", Condition }] } });

  test.each([
    ["a key a plan cannot know (aws:SourceIp)", deny({ NotIpAddress: { "aws:SourceIp": ["192.0.2.0/24"] } }), "the condition on aws:SourceIp depends on the request, which a plan does not show"],
    ["an operator it does not evaluate", deny({ DateGreaterThan: { "aws:RequestedRegion": "x" } }), "the condition operator DateGreaterThan is not evaluated"],
    ["a policy variable", deny({ StringNotEquals: { "aws:RequestedRegion": "${aws:PrincipalTag/region}" } }), 'the policy variable in "${aws:PrincipalTag/region}" is not evaluated'],
    ["a multivalued key without a set operator", deny({ StringEquals: { "cloudshell:VpcIds": "vpc-1" } }), "StringEquals compares the multivalued key cloudshell:VpcIds without ForAnyValue or ForAllValues"],
  ] as [string, NamedPolicy, string][])("%s", (_what, scp, reason) => {
    const d = decide(request({ "cloudshell:VpcIds": ["vpc-1"] }), { identity: [allow()], scps: [scp] });
    expect(d).toEqual({ result: "Unknown", reason });
  });

  test("an unknown policy decides nothing a known Deny has decided; otherwise the answer is unknown", () => {
    const pending = { name: "policy p", document: "unknown" as const };
    expect(decide(request(), { identity: [pending], scps: [deny({ Null: { "cloudshell:VpcIds": "true" } })] })).toEqual({ result: "ExplicitlyDenied", reason: "D in d" });
    expect(decide(request({ "cloudshell:VpcIds": ["vpc-1"] }), { identity: [pending] })).toEqual({ result: "Unknown", reason: "policy p is known only after apply" });
    // The control: the same request with a known grant.
    expect(decide(request({ "cloudshell:VpcIds": ["vpc-1"] }), { identity: [allow()] })).toEqual({ result: "Allowed" });
  });

  test("IfExists holds when the key is absent; NotAction and NotResource leave out what they name", () => {
    expect(decide(request(), { identity: [allow({ StringEqualsIfExists: { "aws:PrincipalTag/team": "x" } })] }).result).toBe("Allowed");
    expect(decide(request(), { identity: [allow({ StringEquals: { "aws:PrincipalTag/team": "x" } })] }).result).toBe("ImplicitlyDenied");
    const notAction: NamedPolicy = { name: "n", document: { Statement: [{ Effect: "Allow", NotAction: ["iam:*"], Resource: "*" }] } };
    expect(decide(request(), { identity: [notAction] }).result).toBe("Allowed");
    expect(decide({ ...request(), action: "iam:CreateRole" }, { identity: [notAction] }).result).toBe("ImplicitlyDenied");
    const notResource: NamedPolicy = { name: "r", document: { Statement: [{ Effect: "Allow", Action: "cloudshell:*", NotResource: ["*"] }] } };
    expect(decide(request(), { identity: [notResource] }).result).toBe("ImplicitlyDenied");
  });
});
