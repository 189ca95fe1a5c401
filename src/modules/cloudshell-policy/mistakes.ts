// Mistakes made with modules/cloudshell-policy, and what the plan says (src/modules/mistakes.ts).
import type { Mistake } from "../mistakes";
import { SUBNETS_IN_A_MANAGED_POLICY } from "../../facts/limits";

const MODULE = "modules/cloudshell-policy";
const GRANT = { grant_ec2_permissions: true };
const NETWORK = "${module.network.vpc_environment}";
const VPC = "vpc-0123456789abcdef0";
const SG = "sg-0123456789abcdef0";
/** The first n of the 40 subnets the fixture creates: IDs unknown at plan. */
const created = (n: number) => `\${slice(aws_subnet.more[*].id, 0, ${n})}`;

export const policyMistakes: Mistake[] = [
  {
    module: MODULE,
    what: "A policy for a network built in the same apply, with 40 more subnets: its IDs are unknown at plan (the size check used to wait for the apply, after the network was built)",
    inputs: { vpc_environments: { ...GRANT, networks: [NETWORK], subnet_ids: "${aws_subnet.more[*].id}" } },
    expect: "with every ID in vpc_environments at its longest form (vpc-, subnet- or sg- and 17 hex digits), as IDs of networks created in the same apply will be: a managed policy takes at most 6,144",
    issue: "23.1",
    control: { vpc_environments: { ...GRANT, networks: [NETWORK], subnet_ids: created(10) } },
  },
  {
    module: MODULE,
    what: `${SUBNETS_IN_A_MANAGED_POLICY + 1} subnets, one VPC and one group with the EC2 grant (the README said 30 fit and 40 do not: ${SUBNETS_IN_A_MANAGED_POLICY} fit)`,
    inputs: { vpc_environments: { ...GRANT, vpc_ids: [VPC], subnet_ids: created(SUBNETS_IN_A_MANAGED_POLICY + 1), security_group_ids: [SG] } },
    expect: "a managed policy takes at most 6,144",
    issue: "23.6",
    control: { vpc_environments: { ...GRANT, vpc_ids: [VPC], subnet_ids: created(SUBNETS_IN_A_MANAGED_POLICY), security_group_ids: [SG] } },
  },
  {
    module: MODULE,
    what: "A network with create = false in the allow-list",
    inputs: { vpc_environments: { ...GRANT, networks: [NETWORK, "${module.network_not_created.vpc_environment}"] } },
    expect: "vpc_environments.networks holds a network that was not created",
    issue: "23.2",
    control: { vpc_environments: { ...GRANT, networks: [NETWORK] } },
  },
  {
    module: MODULE,
    what: "An allow-list built from a network that is not created: an empty list (it used to mean \"no restriction\")",
    inputs: { vpc_environments: { ...GRANT, subnet_ids: "${values(module.network_not_created.vpc_environment.subnet_ids)}" } },
    expect: "vpc_environments.subnet_ids is empty, which would allow no subnet at all",
    issue: "23.2",
    control: { vpc_environments: { ...GRANT, subnet_ids: "${values(module.network.vpc_environment.subnet_ids)}" } },
  },
  { module: MODULE, what: "Both a name and a name prefix", inputs: { name: "cloudshell", name_prefix: "cloudshell-" }, expect: "Set name or name_prefix, not both.", control: { name: "cloudshell" } },
  { module: MODULE, what: "An empty name", inputs: { name: "" }, expect: "name must be 1-128 characters" },
  { module: MODULE, what: "An empty name prefix", inputs: { name_prefix: "" }, expect: "name_prefix must be 1-102 characters", control: { name_prefix: "cloudshell-" } },
  { module: MODULE, what: "A description over IAM's 1,000 characters", inputs: { description: "x".repeat(1001) }, expect: "description must be at most 1,000 characters" },
  { module: MODULE, what: "An empty role name", inputs: { role_names: [""] }, expect: "role_names must hold names of IAM roles of 1-128 characters" },
  { module: MODULE, what: "A policy name with a space", inputs: { name: "cloudshell developers" }, expect: "name must be 1-128 characters" },
  { module: MODULE, what: "A path without slashes", inputs: { path: "cloudshell" }, expect: 'path must begin and end with "/"', control: { path: "/cloudshell/" } },
  {
    module: MODULE,
    what: "A role ARN where a role name is expected",
    inputs: { role_names: ["arn:aws:iam::123456789012:role/developer"] },
    expect: "role_names must hold names of IAM roles, not ARNs",
    control: { role_names: ["developer"] },
  },
  { module: MODULE, what: "A tag key AWS reserves", inputs: { tags: { "aws:owner": "platform" } }, expect: 'do not start with "aws:"', control: { tags: { owner: "platform" } } },
];
