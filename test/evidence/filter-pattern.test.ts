// The offline CloudWatch Logs filter-pattern matcher (src/evidence/filter-pattern.ts) against the examples
// of the CloudWatch Logs user guide's filter-pattern page: each pattern and log event below is the
// guide's own (read from the guide's source, awsdocs/amazon-cloudwatch-logs-user-guide,
// doc_source/FilterAndPatternSyntax.md, and the current page's regex section), with the result
// the guide states. A matcher that got one wrong would make the trail-monitoring evidence
// worthless, so each match has a control that must not match.
import { checkPattern, FilterPatternError, matchesFilter } from "../../src/evidence/filter-pattern";

const PAGE = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html";

// The guide's JSON log event for single conditions, on one line as the guide asks when testing.
const EVENT = JSON.stringify({
  eventType: "UpdateTrail",
  sourceIPAddress: "111.111.111.111",
  arrayKey: ["value", "another value"],
  objectList: [
    { name: "a", id: 1 },
    { name: "b", id: 2 },
  ],
  SomeObject: null,
  ThisFlag: true,
});

// The guide's JSON object for compound conditions.
const COMPOUND = JSON.stringify({
  user: { id: 1, email: "John.Stiles@example.com" },
  users: [
    { id: 2, email: "John.Doe@example.com" },
    { id: 3, email: "Jane.Doe@example.com" },
  ],
  actions: ["GET", "PUT", "DELETE"],
  coordinates: [
    [0, 1, 2],
    [4, 5, 6],
    [7, 8, 9],
  ],
});

const LINES = ["[ERROR 400] BAD REQUEST", "[ERROR 401] UNAUTHORIZED REQUEST", "[ERROR 419] MISSING ARGUMENTS", "[ERROR 420] INVALID ARGUMENTS", "[ERROR 500] INTERNAL SERVER ERROR"];
const matching = (pattern: string) => LINES.filter((l) => matchesFilter(pattern, l));

// [what, pattern, event, expected]
const JSON_CASES: [string, string, string, boolean][] = [
  ["a string property", '{ $.eventType = "UpdateTrail" }', EVENT, true],
  ["control: another string", '{ $.eventType = "DeleteTrail" }', EVENT, false],
  ["!= with a trailing wildcard (outside 123.123.*)", "{ $.sourceIPAddress != 123.123.* }", EVENT, true],
  ["control: = with the same wildcard", "{ $.sourceIPAddress = 123.123.* }", EVENT, false],
  ["a trailing wildcard that matches", "{ $.sourceIPAddress = 111.111.* }", EVENT, true],
  ["an element of an array", '{ $.arrayKey[0] = "value" }', EVENT, true],
  ["control: the other element", '{ $.arrayKey[1] = "value" }', EVENT, false],
  ["an object in an array", "{ $.objectList[1].id = 2 }", EVENT, true],
  ["control: the first object's id", "{ $.objectList[0].id = 2 }", EVENT, false],
  ["IS NULL", "{ $.SomeObject IS NULL }", EVENT, true],
  ["control: IS NULL on a string", "{ $.eventType IS NULL }", EVENT, false],
  ["NOT EXISTS", "{ $.SomeOtherObject NOT EXISTS }", EVENT, true],
  ["control: NOT EXISTS on a null property (it exists)", "{ $.SomeObject NOT EXISTS }", EVENT, false],
  ["IS TRUE", "{ $.ThisFlag IS TRUE }", EVENT, true],
  ["control: IS FALSE", "{ $.ThisFlag IS FALSE }", EVENT, false],
  ["= \"*\" requires the property, != its value (the dimensions example)", '{ $.eventType = "*" && $.sourceIPAddress != 123.123.* }', EVENT, true],
  ["control: = \"*\" on an absent property", '{ $.eventName = "*" && $.sourceIPAddress != 123.123.* }', EVENT, false],
  ["&& (matches)", '{ ($.user.id = 1) && ($.users[0].email = "John.Doe@example.com") }', COMPOUND, true],
  ["&& binds tighter than || (matches)", '{ $.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = "nonmatch" && $.actions[2] = "nonmatch" }', COMPOUND, true],
  ["control: parentheses change the grouping", '{ ($.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = "nonmatch") && $.actions[2] = "nonmatch" }', COMPOUND, false],
  ["control: neither side of ||", '{ ($.user.id = 2 && $.users[0].email = "nonmatch") || $.actions[2] = "GET" }', COMPOUND, false],
  ["a nested array element", "{ $.coordinates[0][1] = 1 }", COMPOUND, true],
  ["a selector on an array matches neither = nor != (special considerations)", "{ $.users = 1 }", JSON.stringify({ users: [1, 2, 3] }), false],
  ["control: != on the same array does not match either", "{ $.users != 1 }", JSON.stringify({ users: [1, 2, 3] }), false],
  ["numbers: >=", "{ $.latency >= 500 }", JSON.stringify({ latency: 500 }), true],
  ["control: numbers: >= below", "{ $.latency >= 500 }", JSON.stringify({ latency: 499 }), false],
  ["numbers: scientific notation", "{ $.numbers[0] < 10e3 }", JSON.stringify({ numbers: [9999] }), true],
  ["numbers: a decimal", "{ $.processes[4].averageRuntime <= 55.5 }", JSON.stringify({ processes: [{}, {}, {}, {}, { averageRuntime: 55.5 }] }), true],
  ["numbers: != and =", "{ $.errorCode != 500 && $.errorCode = 400 }", JSON.stringify({ errorCode: 400 }), true],
  ["numbers: a leading +", "{ $.latency > +1000 }", JSON.stringify({ latency: 1001 }), true],
  ["= * publishes a present number (the latency example)", "{ $.latency = * }", JSON.stringify({ latency: 50, requestType: "GET" }), true],
  ["control: = * on an absent property", "{ $.latency = * }", JSON.stringify({ requestType: "GET" }), false],
  ["OR on one property (bar or baz)", "{$.foo = bar || $.foo = baz }", JSON.stringify({ foo: "baz" }), true],
  ["control: OR on one property", "{$.foo = bar || $.foo = baz }", JSON.stringify({ foo: "qux" }), false],
  ["a regular expression in a JSON pattern", "{ $.eventType = %^Update% }", EVENT, true],
  ["control: an anchored regular expression", "{ $.eventType = %^Trail% }", EVENT, false],
  ["filter patterns are case sensitive", '{ $.eventType = "updatetrail" }', EVENT, false],
  ["a leading wildcard (*Event)", "{ $.name = *Event }", JSON.stringify({ name: "PutEvent" }), true],
  ["a star inside a string is literal (Ev*ent)", "{ $.name = Ev*ent }", JSON.stringify({ name: "EvXent" }), false],
  ["control: a literal inner star", "{ $.name = Ev*ent }", JSON.stringify({ name: "Ev*ent" }), true],
  // Where the guide is silent (src/evidence/filter-pattern.ts says why): an absent property matches neither = nor !=.
  ["!= on an absent property does not match (modelled; UNCONFIRMED)", '{ $.missing != "x" }', EVENT, false],
  ["a JSON pattern does not match a message that is not JSON", '{ $.eventType = "UpdateTrail" }', "UpdateTrail", false],
];

describe(`the offline filter-pattern matcher, against the CloudWatch Logs user guide (${PAGE})`, () => {
  test.each(JSON_CASES)("%s", (_what, pattern, event, expected) => {
    expect(matchesFilter(pattern, event)).toBe(expected);
  });

  test("a single term matches every message that contains it", () => {
    expect(matching("ERROR")).toEqual(LINES);
    expect(matching("MISSING")).toEqual(["[ERROR 419] MISSING ARGUMENTS"]);
  });

  test("several terms must all appear", () => {
    expect(matching("ERROR ARGUMENTS")).toEqual(["[ERROR 419] MISSING ARGUMENTS", "[ERROR 420] INVALID ARGUMENTS"]);
  });

  test("?terms: any of them", () => {
    expect(matching("?ERROR ?ARGUMENTS")).toEqual(LINES);
    expect(matching("?BAD ?MISSING")).toEqual(["[ERROR 400] BAD REQUEST", "[ERROR 419] MISSING ARGUMENTS"]);
  });

  test("an exact phrase in double quotes", () => {
    expect(matching('"INTERNAL SERVER ERROR"')).toEqual(["[ERROR 500] INTERNAL SERVER ERROR"]);
    expect(matching('"SERVER INTERNAL"')).toEqual([]);
  });

  test("-term excludes", () => {
    expect(matching("ERROR -ARGUMENTS")).toEqual(["[ERROR 400] BAD REQUEST", "[ERROR 401] UNAUTHORIZED REQUEST", "[ERROR 500] INTERNAL SERVER ERROR"]);
  });

  test('" " matches everything', () => {
    expect(matching('" "')).toEqual(LINES);
  });

  test("a standalone regular expression matches anywhere in the message (%AUTHORIZED%)", () => {
    expect(matching("%AUTHORIZED%")).toEqual(["[ERROR 401] UNAUTHORIZED REQUEST"]);
    expect(matchesFilter("%AUTHORIZED%", "[SUCCESS 200] AUTHORIZED REQUEST")).toBe(true);
  });

  test("the documented limits and unsupported syntax are errors, not silent mismatches", () => {
    expect(() => checkPattern(`{ $.a = "${"x".repeat(1020)}" }`)).toThrow(/at most 1024/);
    expect(() => checkPattern("{ $.a = %a% || $.b = %b% || $.c = %c% }")).toThrow(/at most 2/);
    expect(() => checkPattern("{ $.a = %something!% }")).toThrow(FilterPatternError);
    expect(() => checkPattern("{ $.a = %(a|b)% }")).toThrow(/no parentheses/);
    expect(() => checkPattern("{ $.a IS NOT NULL }")).toThrow(/IS NOT/);
    expect(() => checkPattern("{ $.a EXISTS }")).toThrow(/EXISTS is not supported/);
    expect(() => checkPattern('{ $.a > "x" }')).toThrow(/compares numbers/);
    expect(() => checkPattern('{ $.a = "x" ')).toThrow(FilterPatternError);
    expect(() => checkPattern("[ip, user, ...]")).toThrow(/not implemented/);
  });
});
