// The hashicorp/aws version every provider-backed check, evidence file and plan snapshot is made
// with: src/evidence/terraform.ts pins it, and the READMEs name it.
export const TESTED_AWS_PROVIDER = "5.100.0";
