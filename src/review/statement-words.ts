// What a statement does, in plain words, by its Sid: every word comes from the facts (the features'
// Deny statements, the VPC and Region statements, the organization's own). A Sid the facts do not
// know has no words: the review then shows its actions and conditions instead.
import { DENY_ALL, FEATURES, OUTSIDE_REGIONS } from "../facts/features";
import { STATEMENT_WORDS } from "../facts/organizations";
import { VPC_STATEMENT_WORDS } from "../facts/vpc-statements";

const WORDS = new Map<string, string>([
  ...Object.values(FEATURES).map((f): [string, string] => [f.denySid, `no "${f.label}"`]),
  [DENY_ALL.Sid, DENY_ALL.words],
  [OUTSIDE_REGIONS.Sid, OUTSIDE_REGIONS.words],
  ...Object.entries(VPC_STATEMENT_WORDS),
  ...Object.entries(STATEMENT_WORDS),
]);

/** The words for a Sid; numbered Sids (DenyActingAsTaggedExemptRoles2) share their base's. */
export function statementWords(sid: string | undefined): string | undefined {
  if (!sid) return undefined;
  return WORDS.get(sid) ?? WORDS.get(sid.replace(/\d+$/, ""));
}
