// ARNs in facts are written as AWS's Service Authorization Reference writes them, with the
// placeholders ${Partition} and ${Region} (list_amazonec2.html, "Resource types"): facts hold no
// Terraform. The module definitions fill the placeholders in with Terraform references
// (src/modules/hcl-snippets.ts, withReferences).

/** The placeholders facts may use in an ARN. */
export const ARN_PLACEHOLDERS = ["Partition", "Region"] as const;
export type ArnPlaceholder = (typeof ARN_PLACEHOLDERS)[number];

/** Any placeholder, as written in a fact (global: for replace and match). */
export const placeholderPattern = () => new RegExp(`\\$\\{(${ARN_PLACEHOLDERS.join("|")})\\}`, "g");

/** `arn:${Partition}:...` as a plain string (the placeholder is text, not a template). */
export const PARTITION = "${Partition}";
export const REGION = "${Region}";
