// An SCP's or policy's statements as a reviewer reads them: what each denies in plain words (from the
// facts, by Sid), or, for a statement the facts do not know, its actions and conditions; and who is
// exempt (the principal ARN patterns and tags its conditions leave out).
import { asList, PolicyDocument, Statement, statementsOf } from "./evaluate";
import { statementWords } from "./statement-words";

export interface StatementSummary {
  sid?: string;
  effect: string;
  /** Plain words from the facts, or the statement's own actions and conditions. */
  what: string;
  /** Known to the facts. */
  named: boolean;
  exempt: string[];
}

const EXEMPT_ARN = /^(ArnNotLike|ArnNotEquals|StringNotLike|StringNotEquals)$/;

/** The principals a Deny's conditions leave out: negated conditions on aws:PrincipalArn and aws:PrincipalTag/<key>. */
export function exemptions(s: Statement): string[] {
  const out: string[] = [];
  for (const [operator, keys] of Object.entries(s.Condition ?? {})) {
    if (!EXEMPT_ARN.test(operator)) continue;
    for (const [key, value] of Object.entries(keys ?? {})) {
      const k = key.toLowerCase();
      if (k === "aws:principalarn") out.push(...asList(value).map((v) => `principals matching \`${v}\``));
      else if (k.startsWith("aws:principaltag/")) out.push(...asList(value).map((v) => `principals tagged \`${key.slice("aws:PrincipalTag/".length)}=${v}\``));
    }
  }
  return out;
}

/** A statement's own conditions, less the exemptions. */
function conditions(s: Statement): string {
  const parts: string[] = [];
  for (const [operator, keys] of Object.entries(s.Condition ?? {})) {
    for (const [key, value] of Object.entries(keys ?? {})) {
      const k = key.toLowerCase();
      if (EXEMPT_ARN.test(operator) && (k === "aws:principalarn" || k.startsWith("aws:principaltag/"))) continue;
      parts.push(`${operator} ${key} ${JSON.stringify(value)}`);
    }
  }
  return parts.join("; ");
}

export function summarizeStatement(s: Statement): StatementSummary {
  const words = statementWords(s.Sid);
  const actions = s.Action !== undefined ? asList(s.Action).join(", ") : `every action but ${asList(s.NotAction).join(", ")}`;
  const resources = s.Resource !== undefined ? asList(s.Resource) : s.NotResource !== undefined ? [`all but ${asList(s.NotResource).join(", ")}`] : [];
  const own = conditions(s);
  const raw = `${actions}${resources.length && !(resources.length === 1 && resources[0] === "*") ? ` on ${resources.join(", ")}` : ""}${own ? ` when ${own}` : ""}`;
  return { sid: s.Sid, effect: s.Effect ?? "?", what: words ?? `\`${raw}\``, named: Boolean(words), exempt: exemptions(s) };
}

export const summarizeDocument = (d: PolicyDocument): StatementSummary[] => statementsOf(d).map(summarizeStatement);
