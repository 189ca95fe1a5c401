// The one way tests and scripts run Terraform: in scratch directories outside the repository,
// with hashicorp/aws from a plugin directory or the registry, pinned to the version the committed
// plan snapshots were made with.
//
// Where the provider comes from, in this order:
//   1. TF_PLUGIN_DIR, a filesystem mirror in registry layout (it must hold the pinned version);
//   2. /opt/tf-plugins, when it exists (the development machines and CI have it);
//   3. the Terraform registry, downloaded once (`terraform providers mirror`) into a mirror in the
//      temporary directory that every scratch directory then installs from, as from 1 and 2.
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { TESTED_AWS_PROVIDER } from "../facts/tested-provider";

// `terraform test` and its report: its own file, re-exported here, the runner's one entry point.
export { testModule } from "./terraform-test";
export type { Diagnostic, TestReport, TestRun } from "./terraform-test";

/** The hashicorp/aws version every provider-backed check and snapshot uses. */
export const AWS_PROVIDER_VERSION = TESTED_AWS_PROVIDER;
export const DEFAULT_PLUGIN_DIR = "/opt/tf-plugins";
const PROVIDER_PATH = ["registry.terraform.io", "hashicorp", "aws", AWS_PROVIDER_VERSION];
const REGISTRY_MIRROR = path.join(os.tmpdir(), `terraform-aws-${AWS_PROVIDER_VERSION}-mirror`);

const CLI_CONFIG = path.join(os.tmpdir(), "terraform-empty.tfrc");

/** Why provider-backed checks cannot run, and how to make them run. */
export class ProviderUnavailable extends Error {
  constructor(why: string) {
    super(
      `hashicorp/aws ${AWS_PROVIDER_VERSION} is unavailable: ${why}. ` +
        `Fix: set TF_PLUGIN_DIR to a filesystem mirror that holds it (registry layout, as in ${DEFAULT_PLUGIN_DIR}), ` +
        "or run where registry.terraform.io is reachable. ALLOW_PROVIDER_SKIP=1 skips the provider-backed checks instead.",
    );
    this.name = "ProviderUnavailable";
  }
}

export type ProviderSource = { kind: "plugin-dir"; dir: string; from: string } | { kind: "registry" };

export function providerSource(env: NodeJS.ProcessEnv = process.env): ProviderSource {
  if (env.TF_PLUGIN_DIR) return { kind: "plugin-dir", dir: env.TF_PLUGIN_DIR, from: "TF_PLUGIN_DIR" };
  if (fs.existsSync(DEFAULT_PLUGIN_DIR)) return { kind: "plugin-dir", dir: DEFAULT_PLUGIN_DIR, from: "default" };
  return { kind: "registry" };
}

export const describeSource = (s: ProviderSource = providerSource()) =>
  s.kind === "registry" ? "the Terraform registry" : `the plugin directory ${s.dir}${s.from === "TF_PLUGIN_DIR" ? " (TF_PLUGIN_DIR)" : ""}`;

/** Throws ProviderUnavailable when a plugin directory is chosen but lacks the pinned version. */
export function checkPluginDir(s: ProviderSource = providerSource()): void {
  if (s.kind === "plugin-dir" && !fs.existsSync(path.join(s.dir, ...PROVIDER_PATH))) {
    throw new ProviderUnavailable(`${describeSource(s)} has no ${PROVIDER_PATH.join("/")}`);
  }
}

export const skipAllowed = (env: NodeJS.ProcessEnv = process.env) => env.ALLOW_PROVIDER_SKIP === "1";

export interface TerraformResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Set by the test run's global setup: the TF_REATTACH_PROVIDERS value of one shared provider process. */
export const SHARED_PROVIDER_ENV = "TF_SHARED_AWS_PROVIDER";
/**
 * Commands that only ask the provider for schemas and validation may use the shared one
 * (src/evidence/shared-provider.ts). Not plan: two plans configuring one process at once fail ("unable to
 * add custom RootCAs HTTPClient", seen when the guardrail's plans shared it).
 */
const SHARES_PROVIDER = new Set(["test", "console", "validate", "show"]);
/** The shared provider's TF_REATTACH_PROVIDERS value, when `command` may use it. */
function sharedFor(command: string): string | undefined {
  const shared = process.env[SHARED_PROVIDER_ENV];
  return shared && SHARES_PROVIDER.has(command) ? shared : undefined;
}
function environment(args: string[]): NodeJS.ProcessEnv {
  if (!fs.existsSync(CLI_CONFIG)) fs.writeFileSync(CLI_CONFIG, "");
  const shared = sharedFor(args[0]);
  const inherited = { ...process.env };
  delete inherited.TF_REATTACH_PROVIDERS;
  // cdktf's CLI sets a plugin cache of its own for the app it runs (npm run synth): filling one from
  // parallel inits fails ("mkdir ... file exists"). Every init here uses pluginCache(), filled once.
  delete inherited.TF_PLUGIN_CACHE_DIR;
  return {
    ...inherited,
    ...(shared ? { TF_REATTACH_PROVIDERS: shared } : {}),
    CHECKPOINT_DISABLE: "1",
    TF_CLI_CONFIG_FILE: process.env.TF_CLI_CONFIG_FILE && fs.existsSync(process.env.TF_CLI_CONFIG_FILE) ? process.env.TF_CLI_CONFIG_FILE : CLI_CONFIG,
    TF_IN_AUTOMATION: "1",
    NO_COLOR: "1",
    // Terraform and the 700 MB provider are short-lived Go processes here: collecting garbage less
    // often saves about a quarter of their CPU time (measured with terraform test and show -json).
    GOGC: process.env.GOGC ?? "400",
    // Placeholder credentials: nothing here may reach AWS, and nothing needs to.
    AWS_ACCESS_KEY_ID: "placeholder",
    AWS_SECRET_ACCESS_KEY: "placeholder",
    AWS_EC2_METADATA_DISABLED: "true",
  };
}

/** With TF_TIMING_LOG set (npm run bench), every Terraform command appends "start<TAB>end<TAB>command" (epoch ms). */
function logTiming(started: number, args: string[]) {
  const log = process.env.TF_TIMING_LOG;
  if (log) fs.appendFileSync(log, `${started}\t${Date.now()}\t${args[0]}\n`);
}

/** The unit tier (npm run test:unit, TEST_TIER=unit) promises to run no Terraform: a test that does is in the wrong tier. */
function checkTier(args: string[]): void {
  if (process.env.TEST_TIER === "unit") {
    throw new Error(`terraform ${args[0]} in the unit tier: a test that runs Terraform belongs in a *.terraform.test.ts file (npm test runs both tiers)`);
  }
}

export function terraform(cwd: string, args: string[]): TerraformResult {
  checkTier(args);
  const started = Date.now();
  const r = spawnSync("terraform", args, { cwd, encoding: "utf8", env: environment(args), maxBuffer: 256 * 1024 * 1024 });
  logTiming(started, args);
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The same, without blocking, so a test file can keep both cores busy; `input` is written to stdin. */
export function terraformAsync(cwd: string, args: string[], input?: string, extraEnv: Record<string, string> = {}): Promise<TerraformResult> {
  checkTier(args);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn("terraform", args, { cwd, env: { ...environment(args), ...extraEnv } });
    if (input !== undefined) child.stdin.end(input);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b) => out.push(b));
    child.stderr.on("data", (b) => err.push(b));
    child.on("error", reject);
    child.on("close", (code) => {
      logTiming(started, args);
      resolve({ status: code ?? -1, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") });
    });
  });
}

export function failure(cwd: string, args: string[], r: TerraformResult): Error {
  return new Error(`terraform ${args.join(" ")} failed in ${cwd}:\n${r.stdout}\n${r.stderr}`);
}

export function mustTerraform(cwd: string, args: string[]): string {
  const r = terraform(cwd, args);
  if (r.status !== 0) throw failure(cwd, args, r);
  return r.stdout;
}

export async function mustTerraformAsync(cwd: string, args: string[], input?: string): Promise<string> {
  const r = await terraformAsync(cwd, args, input);
  if (r.status !== 0) throw failure(cwd, args, r);
  return r.stdout;
}

/** Set by the test run's global setup: the directory its workers' scratch directories go in. */
export const SCRATCH_ROOT_ENV = "CLOUDSHELL_SCRATCH_ROOT";
let ownScratchRoot: string | undefined;

/**
 * Where this process's scratch directories go, so that none outlives its run: a test run's shared
 * directory (its global teardown removes it), or else one of this process's own, removed on exit.
 */
function scratchRoot(): string {
  const shared = process.env[SCRATCH_ROOT_ENV];
  if (shared) return shared;
  if (!ownScratchRoot) {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "cloudshell-scratch-"));
    process.on("exit", () => fs.rmSync(root, { recursive: true, force: true }));
    ownScratchRoot = root;
  }
  return ownScratchRoot;
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(scratchRoot(), prefix));
}

/** Writes files (path relative to the root -> content) into a new scratch directory. */
export function scratchTree(files: Map<string, string> | [string, string][], prefix = "tf-tree-"): string {
  const root = tempDir(prefix);
  for (const [rel, content] of files) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), content);
  }
  return root;
}

const tfFiles = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith(".tf"));
const usesAws = (dir: string) => tfFiles(dir).some((f) => /source\s*=\s*"hashicorp\/aws"/.test(fs.readFileSync(path.join(dir, f), "utf8")));
const hasAwsProviderBlock = (dir: string) => tfFiles(dir).some((f) => /^provider "aws"/m.test(fs.readFileSync(path.join(dir, f), "utf8")));

/** A scratch root's requirement of hashicorp/aws (the version comes from the pin below at init, or the shared provider). */
export const REQUIRES_AWS = `terraform {
  required_providers {
    aws = {
      source = "hashicorp/aws"
    }
  }
}
`;

// Override files are merged into the configuration by Terraform itself; they exist only in scratch copies.
const PIN_OVERRIDE = `terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "${AWS_PROVIDER_VERSION}"
    }
  }
}
`;
// No credential check, no account lookup, no instance metadata: a plan makes no AWS call.
const OFFLINE_PROVIDER_OVERRIDE = `provider "aws" {
  access_key                  = "placeholder"
  secret_key                  = "placeholder"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}
`;

/** The offline settings for the default provider block and for each aliased one (another Region). */
function offlineOverride(dir: string): string {
  const text = tfFiles(dir).map((f) => fs.readFileSync(path.join(dir, f), "utf8")).join("\n");
  const aliases = [...new Set([...text.matchAll(/^provider "aws" \{\n(?:(?!\}\n).*\n)*?\s*alias\s*=\s*"([^"]+)"/gm)].map((m) => m[1]))];
  return [OFFLINE_PROVIDER_OVERRIDE, ...aliases.map((a) => OFFLINE_PROVIDER_OVERRIDE.replace('provider "aws" {\n', `provider "aws" {\n  alias                       = "${a}"\n`))].join("\n");
}

/** Placeholder credentials and no AWS call, for a configuration with provider blocks of its own. */
function writeOfflineOverride(dir: string): void {
  if (hasAwsProviderBlock(dir)) fs.writeFileSync(path.join(dir, "provider_offline_override.tf"), offlineOverride(dir));
}

export interface InitResult {
  /** "hashicorp/aws 5.100.0" when the configuration uses the provider, else undefined. */
  provider?: string;
}

/**
 * The directory to install hashicorp/aws from. In registry mode it is filled once per machine:
 * downloaded into a private directory, then renamed into place (atomic, so parallel test workers
 * never see half a mirror; Terraform's own plugin cache is not safe for concurrent use).
 */
export function pluginDir(): string {
  const source = providerSource();
  checkPluginDir(source);
  if (source.kind === "plugin-dir") return source.dir;
  if (fs.existsSync(path.join(REGISTRY_MIRROR, ...PROVIDER_PATH))) return REGISTRY_MIRROR;
  const work = tempDir("tf-mirror-");
  fs.writeFileSync(path.join(work, "versions.tf"), PIN_OVERRIDE);
  const r = terraform(work, ["providers", "mirror", "-platform=linux_amd64", path.join(work, "mirror")]);
  if (r.status !== 0) throw new ProviderUnavailable(`terraform providers mirror could not download it from the registry:\n${(r.stdout + r.stderr).trim()}`);
  try {
    fs.renameSync(path.join(work, "mirror"), REGISTRY_MIRROR);
  } catch {
    // Another worker renamed its copy first; that one is as good.
  }
  return REGISTRY_MIRROR;
}

const PLUGIN_CACHE = path.join(os.tmpdir(), `terraform-aws-${AWS_PROVIDER_VERSION}-plugin-cache`);

/**
 * One plugin cache for every scratch directory: init links the provider from it instead of copying
 * 700 MB (about 1 s of CPU less per init). Filled once, in a private directory renamed into place,
 * so the parallel inits that follow only read it: Terraform's cache is not safe to fill in parallel.
 * Scratch copies have no lock file, hence TF_PLUGIN_CACHE_MAY_BREAK_DEPENDENCY_LOCK_FILE; init still
 * records the version, and init() checks it.
 */
async function pluginCache(from: string): Promise<Record<string, string>> {
  if (!fs.existsSync(path.join(PLUGIN_CACHE, ...PROVIDER_PATH))) {
    const work = tempDir("tf-cache-");
    fs.writeFileSync(path.join(work, "versions.tf"), PIN_OVERRIDE);
    const r = await terraformAsync(work, ["init", "-input=false", "-no-color", "-backend=false", `-plugin-dir=${from}`], undefined, { TF_PLUGIN_CACHE_DIR: path.join(work, "cache") });
    if (r.status !== 0) throw failure(work, ["init"], r);
    try {
      fs.renameSync(path.join(work, "cache"), PLUGIN_CACHE);
    } catch {
      // Another worker renamed its copy first; that one is as good.
    }
  }
  return { TF_PLUGIN_CACHE_DIR: PLUGIN_CACHE, TF_PLUGIN_CACHE_MAY_BREAK_DEPENDENCY_LOCK_FILE: "true" };
}

/**
 * `terraform init` of a scratch directory. A configuration that uses hashicorp/aws gets the pin
 * (and, with a provider block, placeholder credentials) as override files first.
 */
export async function init(dir: string): Promise<InitResult> {
  const aws = usesAws(dir);
  const args = ["init", "-input=false", "-no-color", "-backend=false"];
  let cache: Record<string, string> = {};
  if (aws) {
    const from = pluginDir();
    args.push(`-plugin-dir=${from}`);
    cache = await pluginCache(from);
    fs.writeFileSync(path.join(dir, "provider_pin_override.tf"), PIN_OVERRIDE);
    writeOfflineOverride(dir);
  }
  const r = await terraformAsync(dir, args, undefined, cache);
  if (r.status !== 0) {
    if (aws && /Failed to query available provider packages|could not connect to registry/i.test(r.stdout + r.stderr)) {
      throw new ProviderUnavailable(`terraform init could not install it from ${describeSource()}:\n${(r.stdout + r.stderr).trim()}`);
    }
    throw failure(dir, args, r);
  }
  if (!aws) return {};
  const lock = fs.readFileSync(path.join(dir, ".terraform.lock.hcl"), "utf8");
  const version = /provider "registry\.terraform\.io\/hashicorp\/aws" \{\s*version\s*=\s*"([^"]+)"/.exec(lock)?.[1];
  if (version !== AWS_PROVIDER_VERSION) throw new Error(`terraform init in ${dir} selected hashicorp/aws ${version}, not the pinned ${AWS_PROVIDER_VERSION}`);
  return { provider: `hashicorp/aws ${version}` };
}

/**
 * Readies a scratch directory for `command`. A command the shared provider serves needs only the
 * modules (`terraform get`, no provider install): Terraform neither installs nor hashes a reattached
 * provider, which saves the 700 MB hash of init (about 0.7 s of CPU each). What init would check is
 * checked elsewhere: the shared process is the pinned binary (src/evidence/shared-provider.ts), and every
 * module's version constraints meet it in the init of the examples' plan, which calls every module
 * (test/examples/plans.terraform.test.ts). Any other command gets a full init.
 */
export async function prepare(dir: string, command: string): Promise<InitResult> {
  if (!sharedFor(command)) return init(dir);
  await mustTerraformAsync(dir, ["get", "-no-color"]);
  if (!usesAws(dir)) return {};
  writeOfflineOverride(dir);
  return { provider: `hashicorp/aws ${AWS_PROVIDER_VERSION}` };
}

export interface PlanResult extends InitResult {
  /** `terraform show -json` of the saved plan. */
  plan: Record<string, unknown>;
  /** The plan's warnings, such as "Argument is deprecated" (a deprecated argument or attribute). */
  warnings: string[];
  /** What `terraform plan -no-color` printed, standard output then standard error. */
  log: string;
}

/**
 * The summaries of the warnings Terraform printed ("│ Warning: Argument is deprecated"); a check
 * block's carries the check's name ("Check block assertion failed (check \"prices\")"), read from the
 * warning's "in check" line, so that a test can tell a module's documented warning from any other.
 */
export const warningsOf = (output: string): string[] =>
  output
    .split(/^(?:│ )?(?=Warning: )/m)
    .slice(1)
    .map((block) => {
      const summary = /^Warning: (.+)$/m.exec(block)![1].trim();
      const check = /in check "([^"]+)"/.exec(block.split(/^(?:│ )?Error: /m)[0]);
      return check ? `${summary} (check "${check[1]}")` : summary;
    });

/**
 * init, plan to a file, show it as JSON. With a prior state (a terraform.tfstate in the directory),
 * `refresh: false` plans against it as it is: no provider reads what AWS has (there is no AWS here).
 */
export async function planJson(dir: string, options: { refresh?: boolean } = {}): Promise<PlanResult> {
  const initialized = await init(dir);
  const args = ["plan", "-input=false", "-no-color", "-lock=false", ...(options.refresh === false ? ["-refresh=false"] : []), "-out=tfplan"];
  const planned = await terraformAsync(dir, args);
  if (planned.status !== 0) throw failure(dir, args, planned);
  const plan = JSON.parse(await mustTerraformAsync(dir, ["show", "-json", "tfplan"]));
  const log = `${planned.stdout}\n${planned.stderr}`;
  return { ...initialized, plan, warnings: warningsOf(log), log };
}

/** Plans a configuration that needs no provider and returns its output values. */
export async function evaluateOutputs(dir: string): Promise<Record<string, unknown>> {
  await init(dir);
  await mustTerraformAsync(dir, ["plan", "-input=false", "-no-color", "-lock=false", "-out=tfplan"]);
  const plan = JSON.parse(await mustTerraformAsync(dir, ["show", "-json", "tfplan"]));
  const outputs = plan.planned_values?.outputs ?? {};
  return Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, (v as { value: unknown }).value]));
}

/**
 * prepare(), then one expression evaluated by `terraform console`: no plan, and providers are asked only
 * for their schemas, never configured, so a configuration with (uncreated) resources evaluates
 * offline with one provider start. The value travels base64-encoded, past the console's quoting.
 */
export async function evaluateExpression(dir: string, expression: string): Promise<unknown> {
  await prepare(dir, "console");
  const out = await mustTerraformAsync(dir, ["console"], `base64encode(jsonencode(${expression}))\n`);
  const encoded = /^"([A-Za-z0-9+/=]*)"$/m.exec(out)?.[1];
  if (encoded === undefined) throw new Error(`terraform console in ${dir} printed no value:\n${out}`);
  return JSON.parse(Buffer.from(encoded, "base64").toString("utf8"));
}
