# Sourced by the scripts that run cdktf or Terraform: no phone-home, no missing-CLI-config warning.
export CHECKPOINT_DISABLE=1
if [ -z "${TF_CLI_CONFIG_FILE:-}" ]; then
  TF_CLI_CONFIG_FILE="$(mktemp)"
  export TF_CLI_CONFIG_FILE
fi
