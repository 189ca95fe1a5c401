// When the hashicorp/aws features the modules use appeared: each directory's floor is the newest of
// them that it, or a module it calls, uses (src/generator/versions.ts), and its versions.tf names them.
// Each entry was checked against the provider's CHANGELOG for that release (source).

export interface ProviderFeature {
  /** The first release with it. */
  since: string;
  /** What appeared then, as versions.tf says it. */
  what: string;
  source: string;
}

const changelog = (v: string) => `https://github.com/hashicorp/terraform-provider-aws/blob/v${v}/CHANGELOG.md`;

/**
 * By resource or data source type ("aws_iam_policy": used whenever the type is), or by type and
 * argument ("aws_eip.domain": used when an instance of the type sets the argument). A type not
 * listed uses nothing newer than the floor (AWS_PROVIDER in src/modules/requirements.ts), which CI plans.
 */
export const AWS_PROVIDER_FEATURES: Record<string, ProviderFeature> = {
  "aws_organizations_policy.tags": { since: "3.8.0", what: "tags on aws_organizations_policy", source: changelog("3.8.0") },
  // The CHANGELOG does not name it: the type's values come from the AWS SDK, which learnt
  // RESOURCE_CONTROL_POLICY in the update of hashicorp/terraform-provider-aws#40125; its docs
  // (#40145) merged on 2024-11-15, after 5.76.0 (2024-11-14). 5.77.0 is the first release with
  // both (UNCONFIRMED to the release: no changelog line). The guardrail writes the type whether
  // or not it creates the RCP, and Terraform validates every resource block.
  "aws_organizations_policy.type": {
    since: "5.77.0",
    what: "the RESOURCE_CONTROL_POLICY type of aws_organizations_policy",
    source: "https://github.com/hashicorp/terraform-provider-aws/pull/40145",
  },
  "aws_iam_policy.tags": { since: "3.35.0", what: "tags on aws_iam_policy", source: changelog("3.35.0") },
  // New resources of pull request 29484 ("New Resource: aws_vpc_security_group_egress_rule", 4.56.0, February 24, 2023).
  aws_vpc_security_group_ingress_rule: { since: "4.56.0", what: "aws_vpc_security_group_ingress_rule", source: changelog("4.56.0") },
  aws_vpc_security_group_egress_rule: { since: "4.56.0", what: "aws_vpc_security_group_egress_rule", source: changelog("4.56.0") },
  "aws_eip.domain": { since: "5.0.0", what: "aws_eip's domain argument", source: changelog("5.0.0") },
  // Pull request 34510: state (ENABLED, DISABLED, ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS) replaces is_enabled.
  "aws_cloudwatch_event_rule.state": { since: "5.27.0", what: "aws_cloudwatch_event_rule's state argument", source: changelog("5.27.0") },
};

/** The features one resource or data source body uses. */
export function featuresOf(type: string, bodies: Record<string, unknown>[]): ProviderFeature[] {
  return Object.entries(AWS_PROVIDER_FEATURES)
    .filter(([key]) => {
      const [t, argument] = key.split(".");
      return t === type && (argument === undefined || bodies.some((b) => argument in b));
    })
    .map(([, feature]) => feature);
}
