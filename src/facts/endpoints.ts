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

/**
 * AWS-owned S3 buckets an environment reads through the S3 gateway endpoint, which the default
 * data-perimeter endpoint policy therefore admits for s3:GetObject only. ARNs use AWS's
 * placeholders ${Partition} and ${Region} (src/facts/arn.ts); the module fills them in.
 */
export const AWS_OWNED_BUCKETS = [
  {
    arn: `arn:${PARTITION}:s3:::al2023-repos-${REGION}-de612dc2/*`,
    why: "Amazon Linux 2023 package repositories (dnf), which CloudShell's image is built on (bucket name from AWS's AL2023 guide; that CloudShell's dnf uses it through the endpoint is UNCONFIRMED)",
  },
  {
    arn: `arn:${PARTITION}:s3:::prod-${REGION}-starport-layer-bucket/*`,
    why: "Amazon ECR image layers (AWS's ECR guide, \"Minimum Amazon S3 bucket permissions\"), for docker pulls from ECR",
  },
];

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
