// The VPC endpoints AWS lists for a CloudShell VPC environment's managed compute host, plus S3.
// https://docs.aws.amazon.com/cloudshell/latest/userguide/using-cshell-in-vpc.html

/** How an endpoint label becomes a service name: regional "com.amazonaws.<region>.<label>" or a fixed name. */
import { PARTITION, REGION } from "./arn";
export interface EndpointSpec {
  label: string;
  /** A fixed service name (the global CodeCatalyst one); otherwise com.amazonaws.<region>.<label>. */
  serviceName?: string;
  type: "Interface" | "Gateway";
  /** Only in these regions; every region when absent. */
  regions?: string[];
  /** Created unless endpoints.remove names it; the others only when endpoints.add names them. */
  byDefault: boolean;
  why: string;
}

const LISTED = "listed by AWS as access the environment's managed compute host may need";
const CODECATALYST_REGIONS = ["us-west-2", "eu-west-1"];

/**
 * The endpoints AWS lists for the environment's managed compute host, plus S3
 * (https://docs.aws.amazon.com/cloudshell/latest/userguide/using-cshell-in-vpc.html). AWS says it
 * may provide this access itself; a practitioner's article recommends creating them so that the
 * managed environment keeps receiving maintenance (UNCONFIRMED by AWS). The module creates them by default, except
 * CodeCatalyst's (closed to new customers since 2025-11-07, and 3 more billed endpoints).
 */
export const LISTED_ENDPOINTS: EndpointSpec[] = [
  { label: "ssmmessages", byDefault: true, type: "Interface", why: "the shell's terminal I/O runs over a Session Manager data channel" },
  { label: "logs", byDefault: true, type: "Interface", why: LISTED },
  { label: "kms", byDefault: true, type: "Interface", why: LISTED },
  { label: "execute-api", byDefault: true, type: "Interface", why: LISTED },
  { label: "ecs-telemetry", byDefault: true, type: "Interface", why: LISTED },
  { label: "ecs-agent", byDefault: true, type: "Interface", why: LISTED },
  { label: "ecs", byDefault: true, type: "Interface", why: LISTED },
  { label: "ecr.dkr", byDefault: true, type: "Interface", why: LISTED },
  { label: "ecr.api", byDefault: true, type: "Interface", why: LISTED },
  { label: "codecatalyst.packages", byDefault: false, type: "Interface", regions: CODECATALYST_REGIONS, why: "CodeCatalyst packages (us-west-2 and eu-west-1 only)" },
  { label: "codecatalyst.git", byDefault: false, type: "Interface", regions: CODECATALYST_REGIONS, why: "CodeCatalyst git (us-west-2 and eu-west-1 only)" },
  {
    label: "codecatalyst",
    serviceName: "aws.api.global.codecatalyst",
    byDefault: false,
    type: "Interface",
    regions: CODECATALYST_REGIONS,
    why: "CodeCatalyst's global API (us-west-2 and eu-west-1 only)",
  },
  { label: "s3", byDefault: true, type: "Gateway", why: "listed by AWS too; a gateway endpoint, free of charge" },
];

/** The endpoints created unless removed. */
export const DEFAULT_ENDPOINTS = LISTED_ENDPOINTS.filter((e) => e.byDefault);

/** Services reachable through a (free) gateway endpoint; any other added label is an interface endpoint. */
export const GATEWAY_SERVICES = ["s3", "dynamodb"];

/** An endpoint label as AWS writes service-name suffixes: lower-case words joined by "." or "-". */
export const ENDPOINT_LABEL_PATTERN = "^[a-z0-9]+([.-][a-z0-9]+)*$";

/** Interface endpoints the module creates by default in a region. */
export const defaultInterfaceEndpoints = (region: string) =>
  DEFAULT_ENDPOINTS.filter((e) => e.type === "Interface" && (!e.regions || e.regions.includes(region)));

/** A full service name in add (the escape hatch for a service not in our label list), used verbatim. */
export const FULL_SERVICE_NAME_PATTERN = "^(com[.]amazonaws|aws[.]api|api[.]aws)[.]";

/** AWS's data-perimeter S3 endpoint policy example, whose list of AWS-owned buckets the S3 gateway follows. */
export const DATA_PERIMETER_S3_EXAMPLE = "https://github.com/aws-samples/data-perimeter-policy-examples/blob/main/vpc_endpoint_policies/s3_endpoint_policy.json";
const SSM_AGENT_BUCKETS = "https://docs.aws.amazon.com/systems-manager/latest/userguide/ssm-agent-minimum-s3-permissions.html";

/**
 * AWS-owned S3 buckets the environment's compute host may read through the S3 gateway endpoint,
 * which the default data-perimeter policy therefore admits for s3:GetObject only: the entries of
 * AWS's data-perimeter S3 example (statement AllowRequestsToAWSOwnedResources) for what an Amazon
 * Linux 2023 host with SSM Agent (CloudShell's sessions run over Systems Manager) and the ECS agent
 * pulling from ECR (the endpoints AWS lists for it) uses. ARNs use AWS's placeholders ${Partition}
 * and ${Region} (src/facts/arn.ts); the module fills them in. That the host reads them through the
 * endpoint is UNCONFIRMED: AWS does not say which buckets it uses.
 */
export const AWS_OWNED_BUCKETS = [
  { arn: `arn:${PARTITION}:s3:::al2023-repos-${REGION}-de612dc2/*`, why: "Amazon Linux 2023 package repositories (dnf), which CloudShell's image is built on" },
  { arn: `arn:${PARTITION}:s3:::al2023-${REGION}/*`, why: "Amazon Linux 2023 (AWS's example lists it beside the repositories)" },
  { arn: `arn:${PARTITION}:s3:::aws-ssm-${REGION}/*`, why: `SSM Agent: modules of SSM documents on Linux (${SSM_AGENT_BUCKETS})` },
  { arn: `arn:${PARTITION}:s3:::amazon-ssm-${REGION}/*`, why: "SSM Agent: its update packages and manifests" },
  { arn: `arn:${PARTITION}:s3:::amazon-ssm-packages-${REGION}/*`, why: "SSM Agent before 2.2.45.0: AWS-ConfigureAWSPackage" },
  { arn: `arn:${PARTITION}:s3:::${REGION}-birdwatcher-prod/*`, why: "SSM Agent 2.2.45.0 and later: the distribution service (every Region but af-south-1 and eu-south-1)" },
  { arn: `arn:${PARTITION}:s3:::aws-ssm-distributor-file-${REGION}/*`, why: "SSM Agent 2.2.45.0 and later: the distribution service in af-south-1 and eu-south-1" },
  { arn: `arn:${PARTITION}:s3:::aws-ssm-document-attachments-${REGION}/*`, why: "SSM Distributor's AWS-owned packages" },
  { arn: `arn:${PARTITION}:s3:::patch-baseline-snapshot-${REGION}/*`, why: "SSM Patch Manager's baseline snapshots" },
  { arn: `arn:${PARTITION}:s3:::prod-${REGION}-starport-layer-bucket/*`, why: "Amazon ECR image layers (AWS's ECR guide, \"Minimum Amazon S3 bucket permissions\"), for the ECS agent's and docker pulls from ECR" },
];

/**
 * The entries of AWS's example the S3 gateway leaves out, and why: none is something an Amazon Linux
 * 2023 CloudShell host runs (Windows and macOS agents, older Amazon Linux releases, EMR, CodeDeploy,
 * Image Builder, Application Migration and Elastic Disaster Recovery agents, CloudFormation
 * responses, Nitro Enclaves, the CloudWatch agent, which AWS does not list for the host).
 */
export const AWS_OWNED_BUCKETS_LEFT_OUT =
  "Windows (aws-windows-downloads) and macOS (aws-patchmanager-macos) SSM buckets, Amazon Linux 1 and 2 repositories (packages., repo., amazonlinux., amazonlinux-2-repos-), EMR, CodeDeploy, EC2 Image Builder, Application Migration Service and Elastic Disaster Recovery, CloudFormation wait conditions and custom-resource responses, Nitro Enclaves certificates and the CloudWatch agent";

/**
 * What the DNS Firewall answers by default (dns_firewall), everything else is blocked: the names
 * of AWS's service endpoints (https://docs.aws.amazon.com/general/latest/gr/rande.html: regional
 * endpoints under amazonaws.com, dual-stack ones under api.aws) and EC2's private host names
 * (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-dns.html). That CloudShell's environment
 * needs no other name is UNCONFIRMED: dns_firewall.allowed_domains adds more.
 */
export const AWS_SERVICE_DOMAINS = ["amazonaws.com", "*.amazonaws.com", "api.aws", "*.api.aws", "ec2.internal", "*.ec2.internal", "*.compute.internal"];

/**
 * AWS-owned Systems Manager resources that trusted principals may read through the ssm endpoint's
 * perimeter: public parameters (/aws/...) and AWS's documents. From AWS's data-perimeter examples,
 * ssm_endpoint_policy.json, statement AllowRequestsByOrgsIdentitiesToAWSResources
 * (https://github.com/aws-samples/data-perimeter-policy-examples/tree/main/vpc_endpoint_policies),
 * whose Describe*, List* and Get* are written out here as the actions on those resources.
 */
export const AWS_OWNED_SSM = {
  actions: ["ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath", "ssm:GetParameterHistory", "ssm:DescribeDocument", "ssm:GetDocument", "ssm:SendCommand", "ssm:StartSession"],
  resources: [`arn:${PARTITION}:ssm:${REGION}::parameter/aws/*`, `arn:${PARTITION}:ssm:${REGION}::document/*`],
};
