// Small pieces of HCL that several module definitions write into validations and locals.

import { ArnPlaceholder, placeholderPattern } from "../facts/arn";
import { literal, Value } from "../hcl/writer";

/** A tuple of string literals: ["a", "b"] (the writer's one literal printer). */
export const hclStrings = (xs: string[]): string => literal(xs);

/** The longest form of an AWS resource ID: the prefix, a dash and 17 hex digits. */
export const ID_HEX_DIGITS = 17;

/** An AWS resource ID: the prefix, a dash, then 8 or 17 hex digits ("vpc-0123456789abcdef0"). */
export const awsIdPattern = (prefix: string): string => `^${prefix}-([0-9a-f]{8}|[0-9a-f]{${ID_HEX_DIGITS}})$`;

/**
 * A placeholder ID of the longest form for format(): "vpc-unknown0000000000" for 0. A policy written
 * with one per ID is as long as it can get with those IDs, and known at plan when they are not.
 */
export const placeholderFormat = (prefix: string): string => `${prefix}-unknown%0${ID_HEX_DIGITS - "unknown".length}d`;
export const placeholderExample = (prefix: string): string => `${prefix}-unknown${"0".repeat(ID_HEX_DIGITS - "unknown".length)}`;

/** A Region name such as "us-east-1" or "us-gov-west-1". */
export const REGION_PATTERN = "^[a-z]{2}(-[a-z]+)+-[0-9]+$";

/** The size of a policy JSON as IAM counts it: characters without whitespace. */
export const iamSize = (json: string): string => `length(replace(${json}, "/[[:space:]]/", ""))`;

/**
 * A fact with its ARN placeholders (${Partition}, ${Region}: src/facts/arn.ts) replaced by
 * Terraform references, such as { Partition: "var.partition" }, in every string it holds.
 */
export function withReferences<T extends Value>(fact: T, references: Partial<Record<ArnPlaceholder, string>>): T {
  const fill = (v: Value): Value => {
    if (typeof v === "string") {
      return v.replace(placeholderPattern(), (whole, name: ArnPlaceholder) => {
        const ref = references[name];
        if (!ref) throw new Error(`no Terraform reference given for the placeholder ${whole} in ${v}`);
        return "${" + ref + "}";
      });
    }
    if (Array.isArray(v)) return v.map(fill);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x === undefined ? x : fill(x)]));
    return v;
  };
  return fill(fact) as T;
}
