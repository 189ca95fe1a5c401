// examples/multi-region: one CloudShell policy admits the networks of two Regions, and two
// policies (one per network) on the same principal deny both. Real Terraform evaluates the
// example's own allow-list expressions (ALLOW_LISTS) over two networks with known IDs, through
// modules/cloudshell-policy-document; @cloud-copilot/iam-simulate evaluates the requests.
import * as fs from "node:fs";
import * as path from "node:path";
import { ALLOW_LISTS, monitoringInputs, NETWORKS, REGIONS } from "../../src/examples/multi-region/definition";
import { rulesOn } from "../../src/modules/cloudshell-monitoring/rules";
import { generated } from "../../tools/generated";
import { FeatureResult, IamRequest, simulateRequest } from "../../src/evidence/simulate";
import { evaluateExpression, scratchTree } from "../../src/evidence/terraform";

/** Each network as its vpc_environment output gives it: vpc_id, subnet_ids by zone, security_group_ids. */
const hex = (n: number, c: string) => `${c.repeat(16)}${n}`;
const network = (i: number) => ({
  vpc_id: `vpc-${hex(i, "0")}`,
  subnet_ids: Object.fromEntries(NETWORKS[i].availability_zones.map((az, z) => [az, `subnet-${hex(i, String.fromCharCode(97 + z))}`])),
  security_group_ids: [`sg-${hex(i, "c")}`],
  region: NETWORKS[i].region,
});
const NETS = NETWORKS.map((_, i) => network(i));
type Network = { vpc_id: string; subnet_ids: Record<string, string>; security_group_ids: string[]; region: string };
const OTHER: Network = { vpc_id: "vpc-0999999999999999f", subnet_ids: { x: "subnet-0999999999999999f" }, security_group_ids: ["sg-0999999999999999f"], region: REGIONS[0] };

const hclValue = (v: unknown): string => JSON.stringify(v);
const documentCall = (name: string, lists: Record<string, string>) =>
  `module "${name}" {\n  source = "../modules/cloudshell-policy-document"\n  preset = "minimum"\n  allowed_regions = ${hclValue(REGIONS)}\n  vpc_environments = {\n    grant_ec2_permissions = true\n${Object.entries(lists)
    .map(([k, v]) => `    ${k} = ${v}`)
    .join("\n")}\n  }\n}\n`;

/** The example's expressions over local.networks; the control has one call per network. */
function configuration(): string {
  const one = (i: number) => Object.fromEntries(Object.entries(ALLOW_LISTS).map(([k, v]) => [k, v.replace("local.networks", `[local.networks[${i}]]`)]));
  return [`locals {\n  networks = ${hclValue(NETS)}\n}\n`, documentCall("together", ALLOW_LISTS), ...NETS.map((_, i) => documentCall(`only_${i}`, one(i)))].join("\n");
}

const createIn = (n: Network, region: string): IamRequest => ({
  action: "cloudshell:CreateEnvironment",
  resource: "*",
  context: { "aws:RequestedRegion": region, "cloudshell:VpcIds": [n.vpc_id], "cloudshell:SubnetIds": [Object.values(n.subnet_ids)[0]], "cloudshell:SecurityGroupIds": n.security_group_ids },
});
const REQUESTS: [string, IamRequest][] = [
  ...NETWORKS.map((n, i) => [`in the ${n.region} network`, createIn(NETS[i], n.region)] as [string, IamRequest]),
  ["in another VPC", createIn(OTHER, REGIONS[0])],
  ["public (no VPC)", { action: "cloudshell:CreateEnvironment", resource: "*" }],
];

let together: object;
let separate: object[];
beforeAll(async () => {
  const files = [...generated().files].filter(([rel]) => rel.startsWith("modules/cloudshell-policy-document/") && rel.endsWith(".tf"));
  const root = scratchTree([...files, ["evaluate/main.tf", configuration()]], "multi-region-");
  const out = (await evaluateExpression(path.join(root, "evaluate"), `{ together = module.together.json, separate = [${NETS.map((_, i) => `module.only_${i}.json`).join(", ")}] }`)) as {
    together: string;
    separate: string[];
  };
  fs.rmSync(root, { recursive: true, force: true });
  together = JSON.parse(out.together);
  separate = out.separate.map((j) => JSON.parse(j));
});

describe("examples/multi-region: one policy for the networks of two Regions", () => {
  test("the example builds its policy from the expressions evaluated here", () => {
    const main = generated().files.get("examples/multi-region/main.tf")!;
    for (const [key, expression] of Object.entries(ALLOW_LISTS)) expect(main).toMatch(new RegExp(`${key}\\s+= ${expression.replace(/[[\]().*$]/g, "\\$&")}`));
    expect(main).toContain("providers = {\n    aws = aws.eu_west_1\n  }");
  });

  const EXPECTED: Record<string, [FeatureResult, FeatureResult]> = {
    //                             one policy      two policies (control)
    "in the us-east-1 network": ["Allowed", "ExplicitlyDenied"],
    "in the eu-west-1 network": ["Allowed", "ExplicitlyDenied"],
    "in another VPC": ["ExplicitlyDenied", "ExplicitlyDenied"],
    "public (no VPC)": ["ExplicitlyDenied", "ExplicitlyDenied"],
  };
  test.each(REQUESTS)("CreateEnvironment %s: one policy vs two (control)", async (name, request) => {
    expect([await simulateRequest(together, request), await simulateRequest(separate, request)]).toEqual(EXPECTED[name]);
  });

  test("each policy of the control admits its own network when alone: the Deny comes from the other", async () => {
    for (const [i, policy] of separate.entries()) expect(await simulateRequest(policy, REQUESTS[i][1])).toBe("Allowed");
  });

  test("the README table says what the simulation gives", () => {
    const readme = generated().files.get("examples/multi-region/README.md")!;
    const word: Record<FeatureResult, string> = { Allowed: "✅ allowed", ExplicitlyDenied: "⛔ denied", ImplicitlyDenied: "❌ denied" };
    for (const [name, [one, two]] of Object.entries(EXPECTED)) expect(readme).toContain(`| ${name.replace(/(us-east-1|eu-west-1)/, "`$1`")} | ${word[one]} | ${word[two]} |`);
  });
});

describe("each Region's CloudShell events are monitored in that Region (the example's real plan)", () => {
  const plan = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "evidence", "plans", "multi-region.json"), "utf8")) as { resource_changes: { address: string; after?: Record<string, unknown> }[] };
  const rules = (region: string) =>
    plan.resource_changes
      .map((r) => new RegExp(`^module\\.monitoring_${region}\\.aws_cloudwatch_event_rule\\.this\\["([a-z_]+)"\\]$`).exec(r.address)?.[1])
      .filter((k): k is string => !!k)
      .sort();

  test("both Regions alert on CloudShell's own events, including an environment outside that Region's network", () => {
    for (const n of NETWORKS) expect(rules(n.name)).toEqual(rulesOn(monitoringInputs(n, `module.${n.name}`)));
    for (const n of NETWORKS) expect(rules(n.name)).toContain("outside_approved_network");
  });

  test("the AWSCloudShellFullAccess attachment rule is in us-east-1 only, where IAM's events arrive", () => {
    expect(rules("us_east_1")).toContain("full_access_attached");
    expect(rules("eu_west_1")).not.toContain("full_access_attached");
  });
});
