// Generated from src/facts/arn.ts by npm run review:compile; do not edit.
"use strict";
// ARNs in facts are written as AWS's Service Authorization Reference writes them, with the
// placeholders ${Partition} and ${Region} (list_amazonec2.html, "Resource types"): facts hold no
// Terraform. The module definitions fill the placeholders in with Terraform references
// (src/modules/hcl-snippets.ts, withReferences).
Object.defineProperty(exports, "__esModule", { value: true });
exports.REGION = exports.PARTITION = exports.placeholderPattern = exports.ARN_PLACEHOLDERS = void 0;
/** The placeholders facts may use in an ARN. */
exports.ARN_PLACEHOLDERS = ["Partition", "Region"];
/** Any placeholder, as written in a fact (global: for replace and match). */
const placeholderPattern = () => new RegExp(`\\$\\{(${exports.ARN_PLACEHOLDERS.join("|")})\\}`, "g");
exports.placeholderPattern = placeholderPattern;
/** `arn:${Partition}:...` as a plain string (the placeholder is text, not a template). */
exports.PARTITION = "${Partition}";
exports.REGION = "${Region}";
