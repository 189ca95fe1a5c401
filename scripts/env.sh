# Sourced by the scripts that run cdktf or Terraform: no phone-home, and an empty CLI config where
# none exists (Terraform warns about a missing one, even when TF_CLI_CONFIG_FILE names it). The
# empty file is the one src/evidence/terraform.ts uses, so repeated runs leave no files behind.
export CHECKPOINT_DISABLE=1
if [ -z "${TF_CLI_CONFIG_FILE:-}" ] || [ ! -f "${TF_CLI_CONFIG_FILE}" ]; then
  TF_CLI_CONFIG_FILE="${TMPDIR:-/tmp}/terraform-empty.tfrc"
  [ -f "$TF_CLI_CONFIG_FILE" ] || : > "$TF_CLI_CONFIG_FILE"
  export TF_CLI_CONFIG_FILE
fi
