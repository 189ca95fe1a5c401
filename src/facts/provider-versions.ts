// When the hashicorp/aws features the modules use appeared: each module's versions.tf names the
// ones it uses, so its reason is its own. Sources: the provider's CHANGELOG at each release.

export interface ProviderFeature {
  /** The first release with it. */
  since: string;
  /** What appeared then, as versions.tf says it. */
  what: string;
  source: string;
}

const changelog = (v: string) => `https://github.com/hashicorp/terraform-provider-aws/blob/v${v}/CHANGELOG.md`;

/** By resource type: the newest feature of it the modules use. A type not listed here uses
 * nothing newer than the floor (AWS_PROVIDER in src/modules/requirements.ts), which CI plans. */
export const AWS_RESOURCE_FEATURES: Record<string, ProviderFeature> = {
  // The CHANGELOG does not name it: the type's values come from the AWS SDK, which learnt
  // RESOURCE_CONTROL_POLICY in the update of hashicorp/terraform-provider-aws#40125; its docs
  // (#40145) merged on 2024-11-15, after 5.76.0 (2024-11-14). 5.77.0 is the first release with
  // both (UNCONFIRMED to the release: no changelog line).
  aws_organizations_policy: {
    since: "5.77.0",
    what: "the RESOURCE_CONTROL_POLICY type of aws_organizations_policy",
    source: "https://github.com/hashicorp/terraform-provider-aws/pull/40145",
  },
  aws_iam_policy: { since: "3.35.0", what: "tags on aws_iam_policy", source: changelog("3.35.0") },
  aws_vpc_security_group_ingress_rule: { since: "4.62.0", what: "aws_vpc_security_group_ingress_rule", source: changelog("4.62.0") },
  aws_vpc_security_group_egress_rule: { since: "4.62.0", what: "aws_vpc_security_group_egress_rule", source: changelog("4.62.0") },
  aws_eip: { since: "5.0.0", what: "aws_eip's domain argument", source: changelog("5.0.0") },
};
