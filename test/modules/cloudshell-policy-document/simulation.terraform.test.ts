// The permission matrix: every scenario's policy, as real Terraform computes it, simulated offline
// (@cloud-copilot/iam-simulate) against every console feature, and compared with what AWS documents.
import { actionExists } from "../../../src/facts/action-catalog";
import { matrixTable } from "../../../src/modules/cloudshell-policy-document/matrix-table";
import { MATRIX_FILE } from "../../../src/evidence/files";
import { generated } from "../../../tools/generated";
import { EvaluatedScenario, evaluateScenarios, PolicyStatement } from "../../../src/evidence/evaluate-scenarios";
import { IDS, PRESET_NAMES, SCENARIOS } from "../../../src/evidence/scenarios";
import { PRESETS } from "../../../src/facts/features";
import { expectCommitted } from "../../support/evidence";
import {
  buildMatrix,
  TASK_LABELS,
  CONSOLE_TASKS,
  FeatureResult,
  PermissionMatrix,
  simulateFeature,
  ENI_ARN,
  simulateRequest,
} from "../../../src/evidence/simulate";

// ---- The spec, written by hand from the AWS CloudShell user guide ----
// (https://docs.aws.amazon.com/cloudshell/latest/userguide/sec-auth-with-identities.html and
// https://docs.aws.amazon.com/cloudshell/latest/userguide/aws-cloudshell-vpc-permissions-1.html)
// A = allowed, D = denied by an explicit Deny, - = denied because nothing grants it.
// "Launch" and "Public env" create the default (public) environment. A VPC environment also needs
// the EC2 permissions the VPC permissions page lists, which only vpc_environments.grant_ec2_permissions grants.
const COLUMNS = [
  "Launch",
  "Upload file",
  "Download file",
  "Restart",
  "Delete home",
  "CLI credentials",
  "List environments",
  "Approve command",
  "VPC env: allowed VPC",
  "VPC env: other VPC",
  "VPC env: other subnet",
  "VPC env: other security group",
  "Public env",
  "Create ENI via CloudShell",
  "Delete ENI via CloudShell",
  "Create ENI directly",
  "VPC env: no subnet key",
  "VPC env: no group key",
  "Launch in other Region",
];

// prettier-ignore
const EXPECTED: Record<string, string> = {
  //                                      Lau Upl Dwn Rst Del Crd Lst Apv VOk VVp VSn VSg Pub EnC EnD EnX NoS NoG Rgn
  "full":                                "A   A   A   A   A   A   A   A   -   -   -   -   A   -   -   -   A   A   A",
  "minimum":                             "A   -   -   -   -   -   -   -   -   -   -   -   A   -   -   -   A   A   A",
  "no-credentials":                      "A   A   A   A   A   D   A   A   -   -   -   -   A   -   -   -   A   A   A",
  "no-file-transfer":                    "A   D   D   A   A   A   A   A   -   -   -   -   A   -   -   -   A   A   A",
  "deny-all":                            "D   D   D   D   D   D   D   D   D   D   D   D   D   -   -   -   D   D   D",
  "minimum + allow_credentials":         "A   -   -   -   -   A   -   -   -   -   -   -   A   -   -   -   A   A   A",
  "minimum + allow_file_upload":         "A   A   -   -   -   -   -   -   -   -   -   -   A   -   -   -   A   A   A",
  "minimum + allow_file_download":       "A   -   A   -   -   -   -   -   -   -   -   -   A   -   -   -   A   A   A",
  "minimum + allow_restart":             "A   -   -   A   -   -   -   -   -   -   -   -   A   -   -   -   A   A   A",
  "minimum + allow_delete_home":         "A   -   -   -   A   -   -   -   -   -   -   -   A   -   -   -   A   A   A",
  "full - allow_credentials":            "A   A   A   A   A   D   A   A   -   -   -   -   A   -   -   -   A   A   A",
  "full - allow_file_upload":            "A   D   A   A   A   A   A   A   -   -   -   -   A   -   -   -   A   A   A",
  "full - allow_file_download":          "A   A   D   A   A   A   A   A   -   -   -   -   A   -   -   -   A   A   A",
  "full - allow_restart":                "A   A   A   D   A   A   A   A   -   -   -   -   A   -   -   -   A   A   A",
  "full - allow_delete_home":            "A   A   A   A   D   A   A   A   -   -   -   -   A   -   -   -   A   A   A",
  "minimum + VPC grant":                 "A   -   -   -   -   -   -   -   A   A   A   A   A   A   A   -   A   A   A",
  "minimum + VPC grant, no ENI cleanup": "A   -   -   -   -   -   -   -   A   A   A   A   A   A   -   -   A   A   A",
  "minimum + require_vpc":               "D   -   -   -   -   -   -   -   -   -   -   -   D   -   -   -   A   A   D",
  "minimum + VPC grant + require_vpc":   "D   -   -   -   -   -   -   -   A   A   A   A   D   A   A   -   A   A   D",
  "minimum + VPC grant + vpc_ids":       "D   -   -   -   -   -   -   -   A   D   A   A   D   A   A   -   A   A   D",
  "minimum + VPC grant + all IDs":       "D   -   -   -   -   -   -   -   A   D   D   D   D   A   A   -   D   D   D",
  "minimum + allow_list_environments":     "A   -   -   -   -   -   A   -   -   -   -   -   A   -   -   -   A   A   A",
  "minimum + allow_approve_command":       "A   -   -   -   -   -   -   A   -   -   -   -   A   -   -   -   A   A   A",
  "full - allow_list_environments":        "A   A   A   A   A   A   D   A   -   -   -   -   A   -   -   -   A   A   A",
  "full - allow_approve_command":          "A   A   A   A   A   A   A   D   -   -   -   -   A   -   -   -   A   A   A",
  "minimum + allowed_regions":             "A   -   -   -   -   -   -   -   -   -   -   -   A   -   -   -   A   A   D",
  "full + VPC grant":                    "A   A   A   A   A   A   A   A   A   A   A   A   A   A   A   -   A   A   A",
};

const LETTER: Record<string, FeatureResult> = { A: "Allowed", D: "ExplicitlyDenied", "-": "ImplicitlyDenied" };

function expectedRow(name: string): Record<string, FeatureResult> {
  const letters = EXPECTED[name].trim().split(/\s+/);
  if (letters.length !== COLUMNS.length) throw new Error(`EXPECTED["${name}"] has ${letters.length} cells, not ${COLUMNS.length}`);
  return Object.fromEntries(COLUMNS.map((c, i) => [c, LETTER[letters[i]]]));
}

// ---- One Terraform run and one simulation for the whole file ----
let evaluated: EvaluatedScenario[];
let matrix: PermissionMatrix;
const byName = (name: string) => {
  const s = matrix.scenarios.find((x) => x.name === name);
  if (!s) throw new Error(`no scenario "${name}"`);
  return s.results;
};

beforeAll(async () => {
  evaluated = await evaluateScenarios(generated().files, SCENARIOS);
  matrix = await buildMatrix(evaluated);
});

describe("the permission matrix matches the behaviour AWS documents", () => {
  test("the spec and the simulation have the same scenarios and features", () => {
    const missing = SCENARIOS.map((s) => s.name).filter((n) => !(n in EXPECTED));
    if (missing.length) throw new Error(`no expected row in EXPECTED (test/modules/cloudshell-policy-document/simulation.terraform.test.ts) for: ${missing.join(", ")}; write what AWS documents for each console task`);
    expect(Object.keys(EXPECTED).sort()).toEqual(SCENARIOS.map((s) => s.name).sort());
    expect(COLUMNS).toEqual(TASK_LABELS);
  });

  test.each(SCENARIOS.map((s) => [s.name]))("%s: every console feature is allowed or denied as documented", (name) => {
    const expected = expectedRow(name);
    const simulated = byName(name);
    const wrong = COLUMNS.filter((c) => simulated[c] !== expected[c]).map(
      (c) => `${c}: expected ${expected[c]}, simulated ${simulated[c]}`,
    );
    expect(wrong).toEqual([]);
  });

  test("minimum launches CloudShell and grants nothing else", () => {
    const row = byName("minimum");
    expect(row["Launch"]).toBe("Allowed");
    for (const f of ["Upload file", "Download file", "Restart", "Delete home", "CLI credentials", "List environments"]) {
      expect(`${f}: ${row[f]}`).toBe(`${f}: ImplicitlyDenied`);
    }
  });

  test("no-credentials denies AWS CLI credentials and allows everything else CloudShell offers", () => {
    const row = byName("no-credentials");
    expect(row["CLI credentials"]).toBe("ExplicitlyDenied");
    for (const f of ["Launch", "Upload file", "Download file", "Restart", "Delete home", "List environments"]) {
      expect(`${f}: ${row[f]}`).toBe(`${f}: Allowed`);
    }
  });

  test("no-file-transfer denies console upload and download explicitly", () => {
    expect(byName("no-file-transfer")["Upload file"]).toBe("ExplicitlyDenied");
    expect(byName("no-file-transfer")["Download file"]).toBe("ExplicitlyDenied");
  });

  test("without the EC2 grant no preset can create a VPC environment", () => {
    for (const name of PRESET_NAMES.filter((p) => PRESETS[p].effects.launch === "allow")) {
      expect(`${name}: ${byName(name)["VPC env: allowed VPC"]}`).toBe(`${name}: ImplicitlyDenied`);
    }
  });

  test("a restriction to VPC, subnet and security group IDs allows only those and denies public environments", () => {
    const row = byName("minimum + VPC grant + all IDs");
    expect(row["VPC env: allowed VPC"]).toBe("Allowed");
    expect(row["VPC env: other VPC"]).toBe("ExplicitlyDenied");
    expect(row["VPC env: other subnet"]).toBe("ExplicitlyDenied");
    expect(row["VPC env: other security group"]).toBe("ExplicitlyDenied");
    expect(row["Public env"]).toBe("ExplicitlyDenied");
  });

  test("allow_eni_cleanup = false leaves CloudShell unable to delete its network interface", () => {
    expect(byName("minimum + VPC grant")["Delete ENI via CloudShell"]).toBe("Allowed");
    expect(byName("minimum + VPC grant, no ENI cleanup")["Delete ENI via CloudShell"]).toBe("ImplicitlyDenied");
  });

  test.each([
    ["", "Allowed"],
    ["true", "Allowed"],
    [undefined, "ImplicitlyDenied"],
  ])("CloudShell's network-interface permission and clean-up with the ManagedByCloudShell tag value %j: %s", async (value, expected) => {
    const policy = evaluated.find((s) => s.name === "minimum + VPC grant")!.policy;
    const tag: Record<string, string> = value === undefined ? {} : { "aws:ResourceTag/ManagedByCloudShell": value };
    for (const action of ["ec2:CreateNetworkInterfacePermission", "ec2:DeleteNetworkInterface"]) {
      const result = await simulateRequest(policy, { action, resource: ENI_ARN, context: { "aws:CalledVia": ["cloudshell.amazonaws.com"], ...tag } });
      expect(`${action}: ${result}`).toBe(`${action}: ${expected}`);
    }
  });

  test("the EC2 grant does not let the user create a network interface outside CloudShell", () => {
    for (const s of matrix.scenarios) expect(`${s.name}: ${s.results["Create ENI directly"]}`).toBe(`${s.name}: ImplicitlyDenied`);
  });

  test("every feature is simulated with at least one request", () => {
    for (const f of CONSOLE_TASKS) expect(`${f.label}: ${f.requests.length > 0}`).toBe(`${f.label}: true`);
  });
});

describe("the committed matrix", () => {
  test("evidence/permission-matrix.json is what Terraform and the simulator give today", () => {
    expectCommitted(MATRIX_FILE, matrix);
  });

  test("the README table has one row per scenario and one column per feature", () => {
    const table = matrixTable(matrix).split("\n").filter((l) => l.startsWith("| "));
    expect(table).toHaveLength(SCENARIOS.length + 1);
    for (const row of table) expect(row.split(" | ")).toHaveLength(TASK_LABELS.length + 1);
  });
});

describe("policy statements", () => {
  const actionsOf = (s: PolicyStatement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);
  const WILDCARD_PRESETS = ["full", "deny-all"];
  const REGION_DENY = "DenyCloudShellOutsideAllowedRegions";

  test("every action in every statement of every scenario exists in the pinned action catalog", () => {
    const unknown: string[] = [];
    for (const s of evaluated) {
      const documents = [s.policy, ...(s.denyPolicy ? [s.denyPolicy] : [])];
      for (const statement of documents.flatMap((d) => d.Statement)) {
        for (const action of actionsOf(statement)) {
          if (action === "cloudshell:*" && (WILDCARD_PRESETS.includes(s.inputs.preset as string) || statement.Sid === REGION_DENY)) continue;
          if (!actionExists(action)) unknown.push(`${s.name} / ${statement.Sid}: ${action}`);
        }
      }
      for (const action of [...s.allowedActions, ...s.deniedActions]) {
        if (!actionExists(action)) unknown.push(`${s.name} / allowed_actions or denied_actions: ${action}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  test("only full, deny-all and the Region deny use a wildcard, and only in their own cloudshell:* statement", () => {
    const wildcards: string[] = [];
    for (const s of evaluated) {
      for (const statement of s.policy.Statement) {
        for (const action of actionsOf(statement).filter((a) => a.includes("*") || a.includes("?"))) {
          const own =
            (s.inputs.preset === "full" && statement.Sid === "AllowCloudShell" && statement.Effect === "Allow") ||
            (s.inputs.preset === "deny-all" && statement.Sid === "DenyCloudShell" && statement.Effect === "Deny") ||
            // Denying cloudshell:* outside the allowed Regions also covers actions AWS adds later.
            (statement.Sid === REGION_DENY && statement.Effect === "Deny");
          if (!(own && action === "cloudshell:*")) wildcards.push(`${s.name} / ${statement.Sid}: ${action}`);
        }
      }
    }
    expect(wildcards).toEqual([]);
  });
});

describe("why the module restricts VPC environments with Deny, not with AWS's allow-list example", () => {
  // AWS user guide, "Allow only specific subnets / security groups" (sec-auth-with-identities.html): an Allow of
  // CreateEnvironment with ForAllValues:StringEquals. Paired here with the other launch actions.
  const awsAllowList = {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Action: ["cloudshell:CreateSession", "cloudshell:GetEnvironmentStatus", "cloudshell:StartEnvironment"],
        Resource: "*",
      },
      {
        Sid: "EnforceStayInSpecificSubnets",
        Effect: "Allow",
        Action: ["cloudshell:CreateEnvironment"],
        Resource: "*",
        Condition: { "ForAllValues:StringEquals": { "cloudshell:SubnetIds": [IDS.allowedSubnet] } },
      },
      {
        Sid: "EnforceStayInSpecificSecurityGroup",
        Effect: "Allow",
        Action: ["cloudshell:CreateEnvironment"],
        Resource: "*",
        Condition: { "ForAllValues:StringEquals": { "cloudshell:SecurityGroupIds": [IDS.allowedSecurityGroup] } },
      },
    ],
  };
  const publicEnvironment = CONSOLE_TASKS.find((f) => f.label === "Public env")!;
  const createEnvironment = (vpc: string, subnet: string, sg: string) => ({
    action: "cloudshell:CreateEnvironment",
    resource: "*",
    context: { "cloudshell:VpcIds": [vpc], "cloudshell:SubnetIds": [subnet], "cloudshell:SecurityGroupIds": [sg] },
  });

  test("AWS's allow-list example lets a public environment through (no VPC keys: ForAllValues is true)", async () => {
    expect(await simulateFeature(awsAllowList, publicEnvironment)).toBe("Allowed");
  });

  test("AWS's allow-list example does keep VPC environments to the allowed subnet or security group", async () => {
    const other = createEnvironment(IDS.otherVpc, IDS.otherSubnet, IDS.otherSecurityGroup);
    expect(await simulateRequest(awsAllowList, other)).toBe("ImplicitlyDenied");
  });

  test("the module's restriction denies the public environment the allow-list lets through", async () => {
    const restricted = evaluated.find((s) => s.name === "minimum + VPC grant + all IDs")!;
    expect(await simulateFeature(restricted.policy, publicEnvironment)).toBe("ExplicitlyDenied");
    const allowed = createEnvironment(IDS.allowedVpc, IDS.allowedSubnet, IDS.allowedSecurityGroup);
    expect(await simulateRequest(restricted.policy, allowed)).toBe("Allowed");
  });
});
