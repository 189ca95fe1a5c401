// The translation of the shared rule list (src/modules/cloudshell-monitoring/rules.ts) into
// CloudWatch Logs filter patterns: every rule of the list is derived or declared, each derived
// pattern is valid filter-pattern syntax within the limits, it selects the same records as the
// EventBridge pattern it comes from, and a rule that cannot be translated stops the generator with
// a message that says where to declare it (the way a new rule of cloudshell-monitoring reaches the
// trail module).
import { RULES, RuleSpec } from "../../../src/modules/cloudshell-monitoring/rules";
import { DECLARED, deriveRules, filterPattern, insightsExpression } from "../../../src/modules/cloudshell-trail-monitoring/filter-patterns";
import { DefinitionError } from "../../../src/errors";
import { SAMPLES } from "../../../src/evidence/cloudtrail-samples";
import { matches } from "../../../src/evidence/event-pattern";
import { checkPattern, matchesFilter } from "../../../src/evidence/filter-pattern";

const rule = (key: string, pattern: RuleSpec["pattern"]): RuleSpec => ({ key, description: key, state: "ENABLED", pattern });
const KMS = { source: ["aws.kms"], "detail-type": ["AWS API Call via CloudTrail"], detail: { eventSource: ["kms.amazonaws.com"], eventName: ["ScheduleKeyDeletion", "DisableKey"], requestParameters: { keyId: [{ prefix: "arn:aws:kms:" }] } } };

describe("every rule of cloudshell-monitoring has a CloudWatch Logs filter pattern", () => {
  const derived = deriveRules(RULES, "cloudshell-trail-monitoring");

  test("each rule is derived, or declared in DECLARED", () => {
    expect(derived.map((d) => d.key)).toEqual(RULES.map((r) => r.key));
    expect(derived.filter((d) => d.declared).map((d) => d.key)).toEqual(Object.keys(DECLARED));
  });

  test("each derived pattern is valid filter-pattern syntax, within 1,024 characters and without regex", () => {
    for (const d of derived) {
      const p = filterPattern(d.condition);
      expect(() => checkPattern(p)).not.toThrow();
      expect(`${d.key}: ${p.includes("%")}`).toBe(`${d.key}: false`);
    }
  });

  test("each derived pattern selects the records its EventBridge pattern selects (the rules without Terraform expressions)", () => {
    const literal = (v: unknown) => !JSON.stringify(v).includes("${");
    for (const d of derived.filter((x) => !x.declared)) {
      const r = RULES.find((x) => x.key === d.key)!;
      const pattern = filterPattern(d.condition);
      for (const s of SAMPLES) {
        const record = JSON.stringify((s.event as { detail: unknown }).detail);
        if (!literal(r.pattern)) continue;
        expect(`${d.key} / ${s.name}: ${matchesFilter(pattern, record)}`).toBe(`${d.key} / ${s.name}: ${matches(r.pattern as never, s.event as never)}`);
      }
    }
  });

  test("a new rule on another service is derived without code here (a tamper rule, for example)", () => {
    const [d] = deriveRules([rule("key_deletion", KMS)], "t");
    expect(filterPattern(d.condition)).toBe('{ $.eventType = "AwsApiCall" && $.eventSource = "kms.amazonaws.com" && ($.eventName = "ScheduleKeyDeletion" || $.eventName = "DisableKey") && $.requestParameters.keyId = "arn:aws:kms:*" }');
    expect(insightsExpression(d.condition)).toBe('eventType = "AwsApiCall" and eventSource = "kms.amazonaws.com" and (eventName in ["ScheduleKeyDeletion", "DisableKey"]) and requestParameters.keyId like /^arn:aws:kms:/');
  });

  test.each([
    ["a Terraform expression in place of $or", { ...KMS, $or: "${local.x}" }, /\$or at the top is a Terraform expression/],
    ["an operator filter patterns lack (cidr)", { ...KMS, detail: { ...KMS.detail, sourceIPAddress: [{ cidr: "10.0.0.0/8" }] } }, /sourceIPAddress: the operator/],
    ["a source its eventSource does not name", { ...KMS, source: ["aws.events"] }, /must name the services of detail.eventSource/],
    ["an array field of the record", { ...KMS, detail: { ...KMS.detail, requestParameters: { VpcConfig: { SubnetIds: [{ "anything-but": ["subnet-1"] }] } } } }, /holds an array in the record/],
    ["a detail-type other than CloudTrail's API calls", { ...KMS, "detail-type": ["KMS CMK Deletion"] }, /detail-type/],
  ])("%s stops the generator, naming where to declare the rule", (_what, pattern, reason) => {
    const run = () => deriveRules([rule("tampering", pattern as RuleSpec["pattern"])], "cloudshell-trail-monitoring");
    expect(run).toThrow(DefinitionError);
    expect(run).toThrow(reason);
    expect(run).toThrow(/rule tampering: .*DECLARED in src\/modules\/cloudshell-trail-monitoring\/filter-patterns\.ts/s);
  });
});
