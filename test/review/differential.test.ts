// The review's own evaluator against the IAM simulator, on every policy the evidence holds (each
// preset and override of the permission matrix, each guardrail case's SCP): the simulator's requests
// for the evidence (src/evidence/simulate.ts, src/evidence/simulate-scp.ts) and the review's own questions
// (src/review/analyse.ts: each feature in each Region and network the policies name, and another),
// through both. They must agree on every request, and the review must answer every one (no
// "Unknown" for the modules' own policies). Controls: the simulator given a policy with one
// condition changed (ForAnyValue -> ForAllValues; the Null of public environments inverted) must
// disagree somewhere, which shows that these requests tell such policies apart.
import * as fs from "node:fs";
import { ROWS, askedOf, candidatesOf, principalContext } from "../../src/review/analyse";
import { Policy } from "../../src/review/access";
import { PolicyDocument, Request } from "../../src/review/evaluate";
import { GUARDRAIL_FILE, GuardrailFile, MATRIX_FILE } from "../../src/evidence/files";
import { CONSOLE_TASKS, PRINCIPAL, REGION } from "../../src/evidence/simulate";
import { COLUMNS, PRINCIPALS } from "../../src/evidence/simulate-scp";
import { Case, compare } from "../support/differential";

type Scenario = { name: string; policy: PolicyDocument };
const matrix = JSON.parse(fs.readFileSync(MATRIX_FILE, "utf8")) as { scenarios: Scenario[] };
type GuardrailCase = GuardrailFile["cases"][number] & { policy: PolicyDocument };
const guardrail = JSON.parse(fs.readFileSync(GUARDRAIL_FILE, "utf8")) as { cases: GuardrailCase[] };
const ALLOW_ALL: PolicyDocument = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };

const asPolicy = (document: PolicyDocument): Policy => ({ id: "p", name: "p", kind: "document", document });
/** Every request the review asks about a policy, as a principal with this context. */
function reviewRequests(documents: PolicyDocument[], principal: Record<string, string>): Request[] {
  const c = candidatesOf(documents.map(asPolicy));
  return ROWS.flatMap((row) => askedOf(row, c, "aws", principal).flatMap((q) => q.requests));
}

const withContext = (requests: { action: string; resource: string; context?: Record<string, string | string[]> }[], context: Record<string, string>): Request[] =>
  requests.map((r) => ({ action: r.action, resource: r.resource, context: { "aws:RequestedRegion": REGION, ...context, ...(r.context ?? {}) } }));

function matrixCases(): Case[] {
  return matrix.scenarios.map((s) => ({
    name: `preset scenario "${s.name}"`,
    identity: [s.policy],
    requests: [...withContext(CONSOLE_TASKS.flatMap((t) => t.requests), { "aws:PrincipalArn": PRINCIPAL }), ...reviewRequests([s.policy], principalContext("aws", "role/developer", {}) as Record<string, string>)],
  }));
}

function guardrailCases(): Case[] {
  return guardrail.cases.flatMap((g) =>
    Object.keys(g.results).map((who) => {
      const p = PRINCIPALS[who];
      const context = principalContext("aws", p.arn.split(":").slice(5).join(":"), p.tags) as Record<string, string>;
      return {
        name: `guardrail case "${g.name}", ${who}`,
        identity: [ALLOW_ALL],
        scps: [g.policy],
        requests: [...withContext(COLUMNS.flatMap((c) => c.requests), context), ...reviewRequests([g.policy], context)],
      };
    }),
  );
}

describe("the review's evaluator agrees with the IAM simulator", () => {
  test("on every preset and override of the permission matrix, as identity policies", async () => {
    const result = await compare(matrixCases());
    expect(result.disagreements).toEqual([]);
    expect(result.unknown).toEqual([]);
    expect(result.asked).toBeGreaterThan(1000);
  });

  test("on every guardrail case's SCP, for each principal the evidence asks about (exempt by pattern, by tag, not exempt)", async () => {
    const result = await compare(guardrailCases());
    expect(result.disagreements).toEqual([]);
    expect(result.unknown).toEqual([]);
    expect(result.asked).toBeGreaterThan(1000);
  });

  test("controls: a policy with one condition changed is told apart (ForAnyValue vs ForAllValues; the Null of public environments)", async () => {
    const restricted = matrix.scenarios.find((s) => s.name === "minimum + VPC grant + all IDs")!;
    const allValues = JSON.parse(JSON.stringify(restricted.policy).replace(/ForAnyValue:StringNotEquals/g, "ForAllValues:StringNotEquals")) as PolicyDocument;
    expect(allValues).not.toEqual(restricted.policy);
    const [identityCase] = matrixCases().filter((c) => c.name.includes(restricted.name));
    const identityControl = await compare([{ ...identityCase, simulatorSees: { identity: [allValues] } }]);
    expect(identityControl.disagreements.length).toBeGreaterThan(0);

    const every = guardrail.cases.find((c) => c.name === "every choice")!;
    const inverted = JSON.parse(JSON.stringify(every.policy).replace(/"Null":\{"cloudshell:VpcIds":"true"/, '"Null":{"cloudshell:VpcIds":"false"')) as PolicyDocument;
    expect(inverted).not.toEqual(every.policy);
    const [scpCase] = guardrailCases().filter((c) => c.name.startsWith(`guardrail case "every choice",`));
    const scpControl = await compare([{ ...scpCase, simulatorSees: { scps: [inverted] } }]);
    expect(scpControl.disagreements.length).toBeGreaterThan(0);
  });
});
