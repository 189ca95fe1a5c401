// Small pieces of HCL that several module definitions write into validations and locals.

import { literal } from "../hcl/writer";

/** A tuple of string literals: ["a", "b"] (the writer's one literal printer). */
export const hclStrings = (xs: string[]): string => literal(xs);

/** An AWS resource ID: the prefix, a dash, then 8 or 17 hex digits ("vpc-0123456789abcdef0"). */
export const awsIdPattern = (prefix: string): string => `^${prefix}-([0-9a-f]{8}|[0-9a-f]{17})$`;

/** A Region name such as "us-east-1" or "us-gov-west-1". */
export const REGION_PATTERN = "^[a-z]{2}(-[a-z]+)+-[0-9]+$";

/** The size of a policy JSON as IAM counts it: characters without whitespace. */
export const iamSize = (json: string): string => `length(replace(${json}, "/[[:space:]]/", ""))`;
