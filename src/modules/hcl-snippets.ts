// Small pieces of HCL that several module definitions write into validations and locals.

/** A tuple of string literals: ["a", "b"]. */
export const hclStrings = (xs: string[]): string => `[${xs.map((x) => `"${x}"`).join(", ")}]`;

/** An AWS resource ID: the prefix, a dash, then 8 or 17 hex digits ("vpc-0123456789abcdef0"). */
export const awsIdPattern = (prefix: string): string => `^${prefix}-([0-9a-f]{8}|[0-9a-f]{17})$`;
