// cloudshell-review as a user runs it, for tests: the command on arguments and standard input, and
// plans built from resource changes (`terraform show -json`'s resource_changes, format 1.x).
import { main } from "../../src/review/cli";

export interface Run {
  code: number;
  out: string;
  err: string;
}

/** The command with these arguments, given `stdin` on standard input. */
export function runReview(args: string[], stdin = ""): Run {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(args, {
    stdin: () => stdin,
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
  });
  return { code, out: out.join(""), err: err.join("") };
}

/** The command on a plan's JSON given on standard input. */
export const review = (plan: object): Run => runReview([], JSON.stringify(plan));

type Values = Record<string, unknown>;

/** One managed resource's change, its actions from what exists before and after (equal values: no-op). */
export function resourceChange(address: string, before: Values | null, after: Values | null, unknown: Values = {}) {
  const [type, name] = address.split(".");
  const actions = before && after ? (JSON.stringify(before) === JSON.stringify(after) ? ["no-op"] : ["update"]) : after ? ["create"] : ["delete"];
  return {
    address,
    type,
    name,
    mode: "managed",
    change: { actions, before, after, after_unknown: unknown },
  };
}

/** A plan of these resource changes (no configuration: the review reads what the plan shows). */
export const planOf = (changes: ReturnType<typeof resourceChange>[]) => ({
  format_version: "1.2",
  resource_changes: changes,
});
