// examples/scp-guardrail: an organization-wide guardrail as an SCP document. It needs no
// provider, so its plan runs anywhere (the plan snapshot is a real `terraform plan`).
import { tf, Unit } from "../../cdktf/seam";
import { Definition, sourceOf } from "../../generator/definition";
import { NO_PROVIDER } from "../../modules/requirements";

function build(unit: Unit): void {
  const guardrail = unit.module("guardrail", "../../modules/cloudshell-policy-document", {
    preset: "no-file-transfer",
    allow_credentials: false,
    vpc_environments: { grant_ec2_permissions: false, require_vpc: true }, // an SCP grants nothing
  });
  unit.output("scp_json", {
    description: "Deny statements for an SCP: no console upload or download, no forwarded console credentials, no new public environments.",
    value: tf(`${guardrail}.deny_json`),
  });
  unit.output("denied_actions", { description: "The CloudShell actions the guardrail denies.", value: tf(`${guardrail}.denied_actions`) });
}

export const scpGuardrail: Definition = {
  name: "scp-guardrail",
  kind: "example",
  source: sourceOf(__dirname),
  title: "Example: a CloudShell guardrail for an SCP",
  requirements: NO_PROVIDER,
  build,
};
