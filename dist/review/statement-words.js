// Generated from src/review/statement-words.ts by npm run review:compile; do not edit.
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.statementWords = statementWords;
// What a statement does, in plain words, by its Sid: every word comes from the facts (the features'
// Deny statements, the VPC and Region statements, the organization's own). A Sid the facts do not
// know has no words: the review then shows its actions and conditions instead.
const features_1 = require("../facts/features");
const organizations_1 = require("../facts/organizations");
const vpc_statements_1 = require("../facts/vpc-statements");
const WORDS = new Map([
    ...Object.values(features_1.FEATURES).map((f) => [f.denySid, `no "${f.label}"`]),
    [features_1.DENY_ALL.Sid, features_1.DENY_ALL.words],
    [features_1.OUTSIDE_REGIONS.Sid, features_1.OUTSIDE_REGIONS.words],
    ...Object.entries(vpc_statements_1.VPC_STATEMENT_WORDS),
    ...Object.entries(organizations_1.STATEMENT_WORDS),
]);
/** The words for a Sid; numbered Sids (DenyActingAsTaggedExemptRoles2) share their base's. */
function statementWords(sid) {
    if (!sid)
        return undefined;
    return WORDS.get(sid) ?? WORDS.get(sid.replace(/\d+$/, ""));
}
