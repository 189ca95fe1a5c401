// The offline EventBridge matcher (src/evidence/event-pattern.ts) against the examples of the EventBridge
// user guide: each pattern and event below is the guide's own, or the guide's rule applied to a
// minimal event, with the page it comes from. A matcher that got any of them wrong would make the
// monitoring module's evidence worthless, so each has a control case that must not match.
import { matches, PatternError } from "../../src/evidence/event-pattern";

const GUIDE = "https://docs.aws.amazon.com/eventbridge/latest/userguide";
const PAGES = {
  patterns: `${GUIDE}/eb-event-patterns.html`,
  arrays: `${GUIDE}/eb-event-patterns-arrays.html`,
  nulls: `${GUIDE}/eb-event-patterns-null-values.html`,
  filtering: `${GUIDE}/eb-event-patterns-content-based-filtering.html`,
  operators: `${GUIDE}/eb-create-pattern-operators.html`,
};

const EC2_EVENT = {
  version: "0",
  id: "6a7e8feb-b491-4cf7-a9f1-bf3703467718",
  "detail-type": "EC2 Instance State-change Notification",
  source: "aws.ec2",
  account: "111122223333",
  time: "2017-12-22T18:43:48Z",
  region: "us-west-1",
  resources: ["arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0"],
  detail: { "instance-id": "i-1234567890abcdef0", state: "terminated" },
};
const detail = (d: Record<string, unknown>) => ({ ...EC2_EVENT, detail: d }) as never;

// [page, what, pattern, event, expected]
const CASES: [string, string, object, object, boolean][] = [
  // Event patterns: field names and nesting must match; other fields are ignored.
  [PAGES.patterns, "source, detail-type and detail.state", { source: ["aws.ec2"], "detail-type": ["EC2 Instance State-change Notification"], detail: { state: ["terminated"] } }, EC2_EVENT, true],
  [PAGES.patterns, "control: another state", { source: ["aws.ec2"], detail: { state: ["running"] } }, EC2_EVENT, false],
  [PAGES.patterns, "one of several values", { source: ["aws.ec2", "aws.fargate"] }, EC2_EVENT, true],
  [PAGES.patterns, "strings match exactly, case included", { source: ["AWS.EC2"] }, EC2_EVENT, false],
  [PAGES.patterns, "a field the event lacks", { detail: { "c-count": [5] } }, EC2_EVENT, false],
  [PAGES.patterns, "nested numbers (Macie risk score and trigger risk)", { detail: { "risk-score": [80], trigger: { risk: [8] } } }, detail({ "risk-score": 80, trigger: { risk: 8 } }), true],
  [PAGES.patterns, "control: another trigger risk", { detail: { "risk-score": [80], trigger: { risk: [8] } } }, detail({ "risk-score": 80, trigger: { risk: 7 } }), false],
  // Arrays: a match when the pattern's values and the event's array intersect.
  [PAGES.arrays, "intersecting resources", { resources: ["arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f", "arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f"] }, { resources: ["arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:eb56d16b:autoScalingGroupName/ASGTerminate", "arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f"] }, true],
  [PAGES.arrays, "anything-but against an array: one element outside the list is enough (per-element, as event-ruler; UNCONFIRMED for EventBridge)", { ids: [{ "anything-but": ["a", "b"] }] }, { ids: ["a", "c"] }, true],
  [PAGES.arrays, "control: anything-but against an array whose elements are all in the list", { ids: [{ "anything-but": ["a", "b"] }] }, { ids: ["a", "b"] }, false],
  [PAGES.arrays, "control: disjoint resources", { resources: ["arn:aws:ec2:us-east-1:444455556666:instance/i-b188560f"] }, { resources: ["arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f"] }, false],
  // Null values and empty strings are distinct.
  [PAGES.nulls, "an empty string", { detail: { eventVersion: [""] } }, detail({ eventVersion: "", responseElements: null }), true],
  [PAGES.nulls, "null", { detail: { responseElements: [null] } }, detail({ eventVersion: "", responseElements: null }), true],
  [PAGES.nulls, "control: an empty-string pattern does not match null", { detail: { responseElements: [""] } }, detail({ eventVersion: "", responseElements: null }), false],
  // Content filtering.
  [PAGES.filtering, "prefix", { time: [{ prefix: "2017-10-02" }] }, { time: "2017-10-02T18:43:48Z" }, true],
  [PAGES.filtering, "control: prefix", { time: [{ prefix: "2017-10-02" }] }, { time: "2017-10-03T18:43:48Z" }, false],
  [PAGES.filtering, "anything-but a string", { detail: { state: [{ "anything-but": "initializing" }] } }, detail({ state: "running" }), true],
  [PAGES.filtering, "control: anything-but a string", { detail: { state: [{ "anything-but": "initializing" }] } }, detail({ state: "initializing" }), false],
  [PAGES.filtering, "anything-but a number", { detail: { "x-limit": [{ "anything-but": 123 }] } }, detail({ "x-limit": 124 }), true],
  [PAGES.filtering, "control: anything-but a number", { detail: { "x-limit": [{ "anything-but": 123 }] } }, detail({ "x-limit": 123 }), false],
  [PAGES.filtering, "anything-but a list of strings", { detail: { state: [{ "anything-but": ["stopped", "overloaded"] }] } }, detail({ state: "running" }), true],
  [PAGES.filtering, "control: anything-but a list of strings", { detail: { state: [{ "anything-but": ["stopped", "overloaded"] }] } }, detail({ state: "overloaded" }), false],
  [PAGES.filtering, "control: anything-but a list of numbers", { detail: { "x-limit": [{ "anything-but": [100, 200, 300] }] } }, detail({ "x-limit": 200 }), false],
  [PAGES.filtering, "anything-but a prefix", { detail: { state: [{ "anything-but": { prefix: "init" } }] } }, detail({ state: "running" }), true],
  [PAGES.filtering, "control: anything-but a prefix", { detail: { state: [{ "anything-but": { prefix: "init" } }] } }, detail({ state: "initializing" }), false],
  [PAGES.filtering, "numeric range, all fields true", { detail: { "c-count": [{ numeric: [">", 0, "<=", 5] }], "d-count": [{ numeric: ["<", 10] }], "x-limit": [{ numeric: ["=", 3.018e2] }] } }, detail({ "c-count": 5, "d-count": 9, "x-limit": 301.8 }), true],
  [PAGES.filtering, "control: numeric range, one field false", { detail: { "c-count": [{ numeric: [">", 0, "<=", 5] }], "d-count": [{ numeric: ["<", 10] }] } }, detail({ "c-count": 6, "d-count": 9 }), false],
  [PAGES.filtering, "an IPv4 address in a CIDR block", { detail: { sourceIPAddress: [{ cidr: "10.0.0.0/24" }] } }, detail({ sourceIPAddress: "10.0.0.255" }), true],
  [PAGES.filtering, "control: outside the CIDR block", { detail: { sourceIPAddress: [{ cidr: "10.0.0.0/24" }] } }, detail({ sourceIPAddress: "10.0.1.0" }), false],
  [PAGES.filtering, "an IPv6 address in a CIDR block", { detail: { sourceIPAddress: [{ cidr: "2001:db8::/32" }] } }, detail({ sourceIPAddress: "2001:db8:0:1::5" }), true],
  [PAGES.filtering, "exists: true", { detail: { state: [{ exists: true }] } }, EC2_EVENT, true],
  [PAGES.filtering, "control: exists: true, the field is absent", { detail: { state: [{ exists: true }] } }, detail({ "c-count": { c1: 100 } }), false],
  [PAGES.filtering, "exists: false, the field is absent", { detail: { "c-count": [{ exists: false }] } }, EC2_EVENT, true],
  [PAGES.filtering, "exists: false, the field is an object (not a leaf)", { detail: { "c-count": [{ exists: false }] } }, detail({ state: "running", "c-count": { c1: 100 } }), true],
  [PAGES.filtering, "control: exists: false, the field is there", { detail: { "c-count": [{ exists: false }] } }, detail({ "c-count": 3 }), false],
  [PAGES.filtering, "complex: anything-but and numeric together", { time: [{ prefix: "2017-10-02" }], detail: { state: [{ "anything-but": "initializing" }], "c-count": [{ numeric: [">", 0, "<=", 5] }], "x-limit": [{ "anything-but": [100, 200, 300] }] } }, { time: "2017-10-02T00:00:00Z", detail: { state: "running", "c-count": 1, "x-limit": 150 } }, true],
  // The comparison operators' table.
  [PAGES.operators, "anything-but a suffix", { FileName: [{ "anything-but": { suffix: ".png" } }] }, { FileName: "a.jpg" }, true],
  [PAGES.operators, "control: anything-but a suffix", { FileName: [{ "anything-but": { suffix: ".png" } }] }, { FileName: "a.png" }, false],
  [PAGES.operators, "control: anything-but ignoring case", { state: [{ "anything-but": { "equals-ignore-case": "initializing" } }] }, { state: "INITIALIZING" }, false],
  [PAGES.operators, "anything-but ignoring case", { state: [{ "anything-but": { "equals-ignore-case": "initializing" } }] }, { state: "running" }, true],
  [PAGES.operators, "anything-but a wildcard", { FilePath: [{ "anything-but": { wildcard: "*/lib/*" } }] }, { FilePath: "/usr/bin/x" }, true],
  [PAGES.operators, "control: anything-but a wildcard", { FilePath: [{ "anything-but": { wildcard: "*/lib/*" } }] }, { FilePath: "/usr/lib/x" }, false],
  [PAGES.operators, "begins with, ignoring case", { service: [{ prefix: { "equals-ignore-case": "eventb" } }] }, { service: "EventBridge" }, true],
  [PAGES.operators, "ends with", { FileName: [{ suffix: ".png" }] }, { FileName: "image.png" }, true],
  [PAGES.operators, "ends with, ignoring case", { service: [{ suffix: { "equals-ignore-case": "tbridge" } }] }, { service: "EVENTBRIDGE" }, true],
  [PAGES.operators, "equals, ignoring case", { Name: [{ "equals-ignore-case": "alice" }] }, { Name: "Alice" }, true],
  [PAGES.operators, "control: equals, ignoring case", { Name: [{ "equals-ignore-case": "alice" }] }, { Name: "Alicia" }, false],
  [PAGES.operators, "an empty value", { LastName: [""] }, { LastName: "" }, true],
  [PAGES.operators, "wildcard", { EventBusArn: [{ wildcard: "arn:aws:events:us-east-1:*:event-bus/*" }] }, { EventBusArn: "arn:aws:events:us-east-1:123456789012:event-bus/default" }, true],
  [PAGES.operators, "control: wildcard", { EventBusArn: [{ wildcard: "arn:aws:events:us-east-1:*:event-bus/*" }] }, { EventBusArn: "arn:aws:events:eu-west-1:123456789012:event-bus/default" }, false],
  [PAGES.operators, "$or over two fields", { $or: [{ "c-count": [{ numeric: [">", 0, "<=", 5] }] }, { "d-count": [{ numeric: ["<", 10] }] }] }, { "c-count": 10, "d-count": 3 }, true],
  [PAGES.operators, "control: $or, neither holds", { $or: [{ "c-count": [{ numeric: [">", 0, "<=", 5] }] }, { "d-count": [{ numeric: ["<", 10] }] }] }, { "c-count": 10, "d-count": 30 }, false],
  [PAGES.operators, "not exists", { Location: [{ exists: false }] }, { Day: "Monday" }, true],
  [PAGES.operators, "control: anything-but does not match an absent field", { Location: [{ "anything-but": "New York" }] }, { Day: "Monday" }, false],
];

describe("the offline EventBridge matcher, against the EventBridge user guide's examples", () => {
  test.each(CASES.map(([page, what, pattern, event, expected]) => [what, expected, page, pattern, event] as const))("%s: %s", (_what, expected, _page, pattern, event) => {
    expect(matches(pattern as never, event as never)).toBe(expected);
  });

  test("a key given twice: the last one counts (JSON text, as the guide's note shows)", () => {
    const pattern = '{"detail": {"location": [{"prefix": "us-"}], "location": [{"anything-but": "us-east"}]}}';
    expect(matches(pattern, { detail: { location: "eu-west" } })).toBe(true);
    expect(matches(pattern, { detail: { location: "us-east" } })).toBe(false);
  });

  test("a malformed pattern is an error, not a silent mismatch", () => {
    expect(() => matches({ source: "aws.ec2" } as never, EC2_EVENT as never)).toThrow(PatternError);
    expect(() => matches({ a: [{ numeric: [">"] }] } as never, { a: 1 } as never)).toThrow(PatternError);
    expect(() => matches({ a: [{ like: "x" }] } as never, { a: "x" } as never)).toThrow(PatternError);
  });
});
