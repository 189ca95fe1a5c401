// Generated from src/facts/features.ts by npm run review:compile; do not edit.
"use strict";
// CloudShell's console features, the IAM actions each needs, and what each preset does with them.
// This is the data the policy-document module is generated from; README tables read it too.
Object.defineProperty(exports, "__esModule", { value: true });
exports.OVERRIDABLE = exports.OUTSIDE_REGIONS = exports.DENY_ALL = exports.DEFAULT_PRESET = exports.PRESETS = exports.WITHOUT_RESOURCE_TYPE = exports.FEATURES = void 0;
exports.FEATURES = {
    launch: {
        label: "Launch CloudShell (open a session)",
        actions: [
            "cloudshell:CreateEnvironment",
            "cloudshell:CreateSession",
            "cloudshell:GetEnvironmentStatus",
            "cloudshell:StartEnvironment",
        ],
        denySid: "DenyLaunch",
    },
    list_environments: {
        label: "List environments",
        actions: ["cloudshell:DescribeEnvironments"],
        override: "allow_list_environments",
        denySid: "DenyListEnvironments",
    },
    approve_command: {
        label: "Approve commands sent from other consoles",
        actions: ["cloudshell:ApproveCommand"],
        override: "allow_approve_command",
        denySid: "DenyApproveCommand",
    },
    restart: {
        label: "Actions > Restart",
        actions: ["cloudshell:StopEnvironment"],
        override: "allow_restart",
        denySid: "DenyRestart",
    },
    delete_home: {
        label: "Actions > Delete (home directory)",
        actions: ["cloudshell:DeleteEnvironment"],
        override: "allow_delete_home",
        denySid: "DenyDeleteHome",
    },
    credentials: {
        label: "AWS CLI credentials inside the shell",
        actions: ["cloudshell:PutCredentials"],
        override: "allow_credentials",
        denySid: "DenyCredentialForwarding",
    },
    file_upload: {
        label: "Actions > Upload file",
        actions: ["cloudshell:GetFileUploadUrls"],
        override: "allow_file_upload",
        denySid: "DenyFileUpload",
    },
    file_download: {
        label: "Actions > Download file",
        actions: ["cloudshell:GetFileDownloadUrls"],
        override: "allow_file_download",
        denySid: "DenyFileDownload",
    },
};
/** The actions that take no resource type, so a policy can only name them with Resource "*"
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_cloudshell.html). */
exports.WITHOUT_RESOURCE_TYPE = ["cloudshell:CreateEnvironment", "cloudshell:DescribeEnvironments"];
const every = (effect) => Object.fromEntries(Object.keys(exports.FEATURES).map((f) => [f, effect]));
exports.PRESETS = {
    full: {
        summary: "Everything CloudShell offers: the same grant as the AWS managed policy AWSCloudShellFullAccess (`cloudshell:*`).",
        wildcard: "allow",
        effects: every("allow"),
    },
    minimum: {
        summary: "Only the 4 actions the console needs to launch CloudShell; nothing else is granted (and nothing is denied).",
        effects: { ...every("omit"), launch: "allow" },
    },
    "no-credentials": {
        summary: "Every action by name except `PutCredentials`, which is denied explicitly: the console no longer forwards the user's credentials into the shell. It does not stop `aws configure`, access keys or an SSO login typed inside the shell.",
        effects: { ...every("allow"), credentials: "deny" },
    },
    "no-file-transfer": {
        summary: "Every action by name except console upload and download, which are denied explicitly.",
        effects: { ...every("allow"), file_upload: "deny", file_download: "deny" },
    },
    "deny-all": {
        summary: "Denies every CloudShell action (`cloudshell:*`); usable as a guardrail in an SCP.",
        wildcard: "deny",
        effects: every("deny"),
    },
};
exports.DEFAULT_PRESET = "minimum";
/**
 * The policy document's statements that are not one feature's: the Deny of every action (preset
 * deny-all, guardrail disable_cloudshell) and the Deny outside the allowed Regions
 * (aws:RequestedRegion), with what each does in plain words (npm run review and cloudshell-review say it so).
 */
exports.DENY_ALL = { Sid: "DenyCloudShell", words: "no CloudShell at all" };
exports.OUTSIDE_REGIONS = { Sid: "DenyCloudShellOutsideAllowedRegions", words: "no CloudShell outside the allowed Regions" };
exports.OVERRIDABLE = Object.entries(exports.FEATURES).filter(([, f]) => f.override);
