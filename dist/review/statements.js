// Generated from src/review/statements.ts by npm run review:compile; do not edit.
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.summarizeDocument = void 0;
exports.exemptions = exemptions;
exports.summarizeStatement = summarizeStatement;
// An SCP's or policy's statements as a reviewer reads them: what each denies in plain words (from the
// facts, by Sid), or, for a statement the facts do not know, its actions and conditions; and who is
// exempt (the principal ARN patterns and tags its conditions leave out).
const evaluate_1 = require("./evaluate");
const statement_words_1 = require("./statement-words");
const EXEMPT_ARN = /^(ArnNotLike|ArnNotEquals|StringNotLike|StringNotEquals)$/;
/** The principals a Deny's conditions leave out: negated conditions on aws:PrincipalArn and aws:PrincipalTag/<key>. */
function exemptions(s) {
    const out = [];
    for (const [operator, keys] of Object.entries(s.Condition ?? {})) {
        if (!EXEMPT_ARN.test(operator))
            continue;
        for (const [key, value] of Object.entries(keys ?? {})) {
            const k = key.toLowerCase();
            if (k === "aws:principalarn")
                out.push(...(0, evaluate_1.asList)(value).map((v) => `principals matching \`${v}\``));
            else if (k.startsWith("aws:principaltag/"))
                out.push(...(0, evaluate_1.asList)(value).map((v) => `principals tagged \`${key.slice("aws:PrincipalTag/".length)}=${v}\``));
        }
    }
    return out;
}
/** A statement's own conditions, less the exemptions. */
function conditions(s) {
    const parts = [];
    for (const [operator, keys] of Object.entries(s.Condition ?? {})) {
        for (const [key, value] of Object.entries(keys ?? {})) {
            const k = key.toLowerCase();
            if (EXEMPT_ARN.test(operator) && (k === "aws:principalarn" || k.startsWith("aws:principaltag/")))
                continue;
            parts.push(`${operator} ${key} ${JSON.stringify(value)}`);
        }
    }
    return parts.join("; ");
}
function summarizeStatement(s) {
    const words = (0, statement_words_1.statementWords)(s.Sid);
    const actions = s.Action !== undefined ? (0, evaluate_1.asList)(s.Action).join(", ") : `every action but ${(0, evaluate_1.asList)(s.NotAction).join(", ")}`;
    const resources = s.Resource !== undefined ? (0, evaluate_1.asList)(s.Resource) : s.NotResource !== undefined ? [`all but ${(0, evaluate_1.asList)(s.NotResource).join(", ")}`] : [];
    const own = conditions(s);
    const raw = `${actions}${resources.length && !(resources.length === 1 && resources[0] === "*") ? ` on ${resources.join(", ")}` : ""}${own ? ` when ${own}` : ""}`;
    return { sid: s.Sid, effect: s.Effect ?? "?", what: words ?? `\`${raw}\``, named: Boolean(words), exempt: exemptions(s) };
}
const summarizeDocument = (d) => (0, evaluate_1.statementsOf)(d).map(summarizeStatement);
exports.summarizeDocument = summarizeDocument;
