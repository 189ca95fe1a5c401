// Generated from src/review/requests.ts by npm run review:compile; do not edit.
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LAUNCH_LABEL = exports.OTHER_FEATURES = exports.NETWORK_KEYS = exports.ANOTHER = exports.ANOTHER_REGION = exports.REVIEW_ACCOUNT = void 0;
exports.launch = launch;
exports.vpcNetworkInterface = vpcNetworkInterface;
// CloudShell's features as the IAM requests the console makes, built from the facts (the actions of
// each feature in src/facts/features.ts; the EC2 calls CloudShell makes for a VPC environment, after
// src/facts/vpc-statements.ts). The review asks each of them for each principal, Region and network.
const features_1 = require("../facts/features");
const vpc_statements_1 = require("../facts/vpc-statements");
/** The account of every request: one no plan names, so no exemption pattern with an account number matches it by chance. */
exports.REVIEW_ACCOUNT = "000000000000";
/** A Region, VPC, subnet and security group no policy names: "anywhere else". */
exports.ANOTHER_REGION = "another-region-1";
exports.ANOTHER = { vpc: "vpc-another", subnet: "subnet-another", sg: "sg-another" };
const environmentArn = (w) => `arn:${w.partition}:cloudshell:${w.region}:${exports.REVIEW_ACCOUNT}:environment/00000000-0000-0000-0000-000000000000`;
const ec2Arn = (w, type, id) => `arn:${w.partition}:ec2:${w.region}:${exports.REVIEW_ACCOUNT}:${type}/${id}`;
const request = (w, action, resource, context = {}) => ({
    action,
    resource,
    context: { "aws:RequestedRegion": w.region, ...w.principal, ...context },
});
/** An action on an environment, or on "*" for those without a resource type. */
const onEnvironment = (w, action) => request(w, action, features_1.WITHOUT_RESOURCE_TYPE.includes(action) ? "*" : environmentArn(w));
const [VPC_KEY, SUBNET_KEY, GROUP_KEY] = ["vpc_ids", "subnet_ids", "security_group_ids"].map((i) => vpc_statements_1.RESTRICTIONS.find((r) => r.input === i).key);
exports.NETWORK_KEYS = [VPC_KEY, SUBNET_KEY, GROUP_KEY];
/** Launching CloudShell: its actions, CreateEnvironment with the network (none: a public environment). */
function launch(w, network) {
    return features_1.FEATURES.launch.actions.map((action) => {
        if (action !== "cloudshell:CreateEnvironment" || !network)
            return onEnvironment(w, action);
        return request(w, action, "*", { [VPC_KEY]: [network.vpc], [SUBNET_KEY]: [network.subnet], [GROUP_KEY]: [network.securityGroup] });
    });
}
/** The EC2 calls a VPC environment needs: the console lists the network as the user; CloudShell creates, tags and shares its network interface. */
function vpcNetworkInterface(w, network) {
    const via = { "aws:CalledVia": [vpc_statements_1.CLOUDSHELL_SERVICE] };
    const eni = ec2Arn(w, "network-interface", "eni-00000000000000000");
    const tagging = { ...via, "aws:TagKeys": [vpc_statements_1.CLOUDSHELL_TAG_KEY], [`aws:RequestTag/${vpc_statements_1.CLOUDSHELL_TAG_KEY}`]: "" };
    return [
        ...["ec2:DescribeVpcs", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups"].map((a) => request(w, a, "*")),
        ...["ec2:DescribeDhcpOptions", "ec2:DescribeNetworkInterfaces"].map((a) => request(w, a, "*", via)),
        request(w, "ec2:CreateNetworkInterface", ec2Arn(w, "subnet", network.subnet), via),
        request(w, "ec2:CreateNetworkInterface", ec2Arn(w, "security-group", network.securityGroup), via),
        request(w, "ec2:CreateNetworkInterface", eni, tagging),
        request(w, "ec2:CreateTags", eni, { ...tagging, "ec2:CreateAction": "CreateNetworkInterface" }),
        request(w, "ec2:CreateNetworkInterfacePermission", eni, { ...via, [`aws:ResourceTag/${vpc_statements_1.CLOUDSHELL_TAG_KEY}`]: "" }),
    ];
}
/** Every feature but launching, in the order a reviewer asks: files, credentials, restart and delete, then the rest. */
const ORDER = ["file_upload", "file_download", "credentials", "restart", "delete_home", "list_environments", "approve_command"];
exports.OTHER_FEATURES = [
    ...ORDER.filter((k) => features_1.FEATURES[k]),
    ...Object.keys(features_1.FEATURES).filter((k) => k !== "launch" && !ORDER.includes(k)),
].map((key) => ({ key, label: features_1.FEATURES[key].label, requests: (w) => features_1.FEATURES[key].actions.map((a) => onEnvironment(w, a)) }));
exports.LAUNCH_LABEL = features_1.FEATURES.launch.label;
