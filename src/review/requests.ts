// CloudShell's features as the IAM requests the console makes, built from the facts (the actions of
// each feature in src/facts/features.ts; the EC2 calls CloudShell makes for a VPC environment, after
// src/facts/vpc-statements.ts). The review asks each of them for each principal, Region and network.
import { FEATURES, WITHOUT_RESOURCE_TYPE } from "../facts/features";
import { CLOUDSHELL_SERVICE, CLOUDSHELL_TAG_KEY, RESTRICTIONS } from "../facts/vpc-statements";
import { Context, Request } from "./evaluate";

/** The account of every request: one no plan names, so no exemption pattern with an account number matches it by chance. */
export const REVIEW_ACCOUNT = "000000000000";
/** A Region, VPC, subnet and security group no policy names: "anywhere else". */
export const ANOTHER_REGION = "another-region-1";
export const ANOTHER = { vpc: "vpc-another", subnet: "subnet-another", sg: "sg-another" };

export interface Where {
  partition: string;
  region: string;
  /** aws:PrincipalArn and aws:PrincipalTag/<key> of the principal asking. */
  principal: Context;
}

/** A VPC environment's network as CreateEnvironment carries it (one VPC, one subnet, up to 5 groups). */
export interface Network {
  vpc: string;
  subnet: string;
  securityGroup: string;
}

const environmentArn = (w: Where) => `arn:${w.partition}:cloudshell:${w.region}:${REVIEW_ACCOUNT}:environment/00000000-0000-0000-0000-000000000000`;
const ec2Arn = (w: Where, type: string, id: string) => `arn:${w.partition}:ec2:${w.region}:${REVIEW_ACCOUNT}:${type}/${id}`;
const request = (w: Where, action: string, resource: string, context: Context = {}): Request => ({
  action,
  resource,
  context: { "aws:RequestedRegion": w.region, ...w.principal, ...context },
});
/** An action on an environment, or on "*" for those without a resource type. */
const onEnvironment = (w: Where, action: string): Request => request(w, action, WITHOUT_RESOURCE_TYPE.includes(action) ? "*" : environmentArn(w));

const [VPC_KEY, SUBNET_KEY, GROUP_KEY] = ["vpc_ids", "subnet_ids", "security_group_ids"].map((i) => RESTRICTIONS.find((r) => r.input === i)!.key);
export const NETWORK_KEYS = [VPC_KEY, SUBNET_KEY, GROUP_KEY];

/** Launching CloudShell: its actions, CreateEnvironment with the network (none: a public environment). */
export function launch(w: Where, network?: Network): Request[] {
  return FEATURES.launch.actions.map((action) => {
    if (action !== "cloudshell:CreateEnvironment" || !network) return onEnvironment(w, action);
    return request(w, action, "*", { [VPC_KEY]: [network.vpc], [SUBNET_KEY]: [network.subnet], [GROUP_KEY]: [network.securityGroup] });
  });
}

/** The EC2 calls a VPC environment needs: the console lists the network as the user; CloudShell creates, tags and shares its network interface. */
export function vpcNetworkInterface(w: Where, network: Network): Request[] {
  const via = { "aws:CalledVia": [CLOUDSHELL_SERVICE] };
  const eni = ec2Arn(w, "network-interface", "eni-00000000000000000");
  const tagging = { ...via, "aws:TagKeys": [CLOUDSHELL_TAG_KEY], [`aws:RequestTag/${CLOUDSHELL_TAG_KEY}`]: "" };
  return [
    ...["ec2:DescribeVpcs", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups"].map((a) => request(w, a, "*")),
    ...["ec2:DescribeDhcpOptions", "ec2:DescribeNetworkInterfaces"].map((a) => request(w, a, "*", via)),
    request(w, "ec2:CreateNetworkInterface", ec2Arn(w, "subnet", network.subnet), via),
    request(w, "ec2:CreateNetworkInterface", ec2Arn(w, "security-group", network.securityGroup), via),
    request(w, "ec2:CreateNetworkInterface", eni, tagging),
    request(w, "ec2:CreateTags", eni, { ...tagging, "ec2:CreateAction": "CreateNetworkInterface" }),
    request(w, "ec2:CreateNetworkInterfacePermission", eni, { ...via, [`aws:ResourceTag/${CLOUDSHELL_TAG_KEY}`]: "" }),
  ];
}

export interface FeatureRow {
  key: string;
  label: string;
  requests: (w: Where) => Request[];
}

/** Every feature but launching, in the order a reviewer asks: files, credentials, restart and delete, then the rest. */
const ORDER = ["file_upload", "file_download", "credentials", "restart", "delete_home", "list_environments", "approve_command"];
export const OTHER_FEATURES: FeatureRow[] = [
  ...ORDER.filter((k) => FEATURES[k]),
  ...Object.keys(FEATURES).filter((k) => k !== "launch" && !ORDER.includes(k)),
].map((key) => ({ key, label: FEATURES[key].label, requests: (w: Where) => FEATURES[key].actions.map((a) => onEnvironment(w, a)) }));

export const LAUNCH_LABEL = FEATURES.launch.label;
