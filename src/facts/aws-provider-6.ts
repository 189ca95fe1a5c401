// What hashicorp/aws 6.0 removed or deprecated, from AWS's "Terraform AWS Provider Version 6 Upgrade
// Guide" (UPGRADE_GUIDE, one entry per item of its sections on resources, data sources and their
// arguments and attributes). The generator's aws-provider-6 rule (src/generator/rules.ts) stops when
// a generated directory uses any of them, so no plan with 6.x warns, while the modules keep working
// with 5.x (the suite plans with 5.100.0). Not listed: the guide's changes of value rules (nullable
// booleans, lower-case engines, defaults) and of nesting (single blocks that became lists), which
// are no deprecation of a name.

export const UPGRADE_GUIDE = "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/version-6-upgrade";

export interface Upgrade6 {
  /** Resource or data source type; "resource" or "data" when the guide names only one kind. */
  type: string;
  kind?: "resource" | "data";
  /** The argument or attribute; undefined when the whole type is meant. */
  attribute?: string;
  change: "removed" | "deprecated" | "computed only" | "renamed";
  /** What to use instead, as the guide says it. */
  instead?: string;
}

const removedTypes = (types: string[], instead?: string): Upgrade6[] => types.map((type) => ({ type, change: "removed", instead }));
const deprecatedTypes = (types: string[], instead: string): Upgrade6[] => types.map((type) => ({ type, change: "deprecated", instead }));
const removed = (kind: "resource" | "data", type: string, attributes: string[], instead?: string): Upgrade6[] =>
  attributes.map((attribute) => ({ kind, type, attribute, change: "removed", instead }));

export const AWS_PROVIDER_6_CHANGES: Upgrade6[] = [
  // "OpsWorks Stacks Removal", "SimpleDB Support Removed", "Worklink Support Removed".
  ...removedTypes([
    "aws_opsworks_application", "aws_opsworks_custom_layer", "aws_opsworks_ecs_cluster_layer", "aws_opsworks_ganglia_layer",
    "aws_opsworks_haproxy_layer", "aws_opsworks_instance", "aws_opsworks_java_app_layer", "aws_opsworks_memcached_layer",
    "aws_opsworks_mysql_layer", "aws_opsworks_nodejs_app_layer", "aws_opsworks_permission", "aws_opsworks_php_app_layer",
    "aws_opsworks_rails_app_layer", "aws_opsworks_rds_db_instance", "aws_opsworks_stack", "aws_opsworks_static_web_layer",
    "aws_opsworks_user_profile",
  ]),
  ...removedTypes(["aws_simpledb_domain", "aws_worklink_fleet", "aws_worklink_website_certificate_authority_association"]),
  ...removedTypes(["aws_redshift_service_account"], "a service principal in the IAM policy"),
  // "Amazon Elastic Transcoder Deprecation", "CloudWatch Evidently Deprecation", and the resources the guide deprecates one by one.
  ...deprecatedTypes(["aws_elastictranscoder_pipeline", "aws_elastictranscoder_preset"], "AWS Elemental MediaConvert"),
  ...deprecatedTypes(["aws_evidently_feature", "aws_evidently_launch", "aws_evidently_project", "aws_evidently_segment"], "AWS AppConfig feature flags"),
  ...deprecatedTypes(["aws_kinesis_analytics_application"], "aws_kinesisanalyticsv2_application"),
  ...deprecatedTypes(["aws_media_store_container", "aws_media_store_container_policy"], "Amazon S3 or AWS Elemental MediaPackage"),
  { kind: "data", type: "aws_kms_secret", change: "deprecated", instead: "aws_kms_secrets" },

  // Data sources.
  { kind: "data", type: "aws_batch_compute_environment", attribute: "compute_environment_name", change: "renamed", instead: "name" },
  ...removed("data", "aws_ecs_task_definition", ["inference_accelerator"]),
  ...removed("data", "aws_ecs_task_execution", ["inference_accelerator_overrides"]),
  { kind: "data", type: "aws_globalaccelerator_accelerator", attribute: "id", change: "computed only" },
  ...removed("data", "aws_identitystore_group", ["filter"], "alternate_identifier"),
  ...removed("data", "aws_identitystore_user", ["filter"], "alternate_identifier"),
  ...removed("data", "aws_launch_template", ["elastic_gpu_specifications", "elastic_inference_accelerator"]),
  ...removed("data", "aws_opensearch_domain", ["kibana_endpoint"]),
  ...removed("data", "aws_quicksight_data_set", ["tags_all"]),
  { kind: "data", type: "aws_region", attribute: "name", change: "deprecated", instead: "region (6.x only; id in 5.x and 6.x)" },
  { kind: "data", type: "aws_s3_bucket", attribute: "region", change: "renamed", instead: "bucket_region (region now selects where the provider reads)" },
  ...removed("data", "aws_service_discovery_service", ["tags_all"]),
  { kind: "data", type: "aws_servicequotas_templates", attribute: "region", change: "deprecated", instead: "aws_region" },
  { kind: "data", type: "aws_ssmincidents_replication_set", attribute: "region", change: "deprecated", instead: "regions" },
  { kind: "data", type: "aws_vpc_endpoint_service", attribute: "region", change: "deprecated", instead: "service_region" },
  { kind: "data", type: "aws_vpc_peering_connection", attribute: "region", change: "deprecated", instead: "requester_region" },

  // Resources.
  ...removed("resource", "aws_api_gateway_account", ["reset_on_delete"]),
  ...removed("resource", "aws_api_gateway_deployment", ["stage_name", "stage_description", "canary_settings", "invoke_url", "execution_arn"], "aws_api_gateway_stage"),
  { kind: "resource", type: "aws_batch_compute_environment", attribute: "compute_environment_name", change: "renamed", instead: "name" },
  { kind: "resource", type: "aws_batch_compute_environment", attribute: "compute_environment_name_prefix", change: "renamed", instead: "name_prefix" },
  ...removed("resource", "aws_batch_job_queue", ["compute_environments"], "compute_environment_order"),
  { kind: "resource", type: "aws_cloudformation_stack_set_instance", attribute: "region", change: "deprecated", instead: "stack_set_instance_region" },
  { kind: "resource", type: "aws_cloudfront_response_headers_policy", attribute: "etag", change: "computed only" },
  { kind: "resource", type: "aws_config_aggregate_authorization", attribute: "region", change: "deprecated", instead: "authorized_aws_region" },
  ...removed("resource", "aws_dms_endpoint", ["s3_settings"], "aws_dms_s3_endpoint"),
  ...removed("resource", "aws_dx_gateway_association", ["vpn_gateway_id"], "associated_gateway_id"),
  { kind: "resource", type: "aws_dx_hosted_connection", attribute: "region", change: "deprecated", instead: "connection_region" },
  ...removed("resource", "aws_ecs_task_definition", ["inference_accelerator"]),
  ...removed("resource", "aws_eip", ["vpc"], "domain"),
  ...removed("resource", "aws_eks_addon", ["resolve_conflicts"], "resolve_conflicts_on_create and resolve_conflicts_on_update"),
  ...removed("resource", "aws_flow_log", ["log_group_name"], "log_destination"),
  { kind: "resource", type: "aws_guardduty_detector", attribute: "datasources", change: "deprecated", instead: "aws_guardduty_detector_feature" },
  ...removed("resource", "aws_guardduty_organization_configuration", ["auto_enable"], "auto_enable_organization_members"),
  { kind: "resource", type: "aws_guardduty_organization_configuration", attribute: "datasources", change: "deprecated" },
  ...removed("resource", "aws_instance", ["cpu_core_count", "cpu_threads_per_core"], "cpu_options"),
  ...removed("resource", "aws_launch_template", ["elastic_gpu_specifications", "elastic_inference_accelerator"]),
  ...removed("resource", "aws_networkmanager_core_network", ["base_policy_region"], "base_policy_regions"),
  ...removed("resource", "aws_opensearch_domain", ["kibana_endpoint"]),
  ...removed("resource", "aws_redshift_cluster", ["snapshot_copy"], "aws_redshift_snapshot_copy"),
  ...removed("resource", "aws_redshift_cluster", ["logging"], "aws_redshift_logging"),
  ...["cluster_public_key", "cluster_revision_number", "endpoint"].map((attribute): Upgrade6 => ({ kind: "resource", type: "aws_redshift_cluster", attribute, change: "computed only" })),
  { kind: "resource", type: "aws_s3_bucket", attribute: "region", change: "renamed", instead: "bucket_region (region now selects where the provider manages it)" },
  ...removed("resource", "aws_sagemaker_notebook_instance", ["accelerator_types"], "instance_type"),
  { kind: "resource", type: "aws_servicequotas_template", attribute: "region", change: "deprecated", instead: "aws_region" },
  ...removed("resource", "aws_spot_instance_request", ["block_duration_minutes"]),
  ...removed("resource", "aws_ssm_association", ["instance_id"], "targets"),
  { kind: "resource", type: "aws_ssmincidents_replication_set", attribute: "region", change: "deprecated", instead: "regions" },
];

/** The changes that concern one type of one kind. */
export const changesOf = (kind: "resource" | "data", type: string): Upgrade6[] =>
  AWS_PROVIDER_6_CHANGES.filter((c) => c.type === type && (c.kind === undefined || c.kind === kind));
