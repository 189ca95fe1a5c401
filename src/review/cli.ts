#!/usr/bin/env node
// cloudshell-review [plan.json | -]: the CloudShell review of a Terraform plan's JSON
// (`terraform show -json plan.out`), from a file or standard input, as Markdown on standard output.
// Exit status: 0 reviewed, nothing widens access; 3 reviewed, something widens access or weakens a
// control (CI asks for approval); 2 bad input or usage (the message says which, on standard error).
import * as fs from "node:fs";
import { BadInput } from "./plan";
import { EXIT, reviewText } from "./review";

export const USAGE = `usage: cloudshell-review [plan.json | -]

Reviews what a Terraform plan changes about AWS CloudShell: who may launch it (public or VPC
environments, in which networks and Regions), transfer files, forward credentials, restart and
delete; what the SCPs deny and who is exempt; the networks' ways out; the detections; what is
known only after apply. Reads the JSON of a saved plan (terraform show -json plan.out) from the
file named, or from standard input when none is named or it is "-". Writes Markdown.

Exit status: 0 reviewed, nothing widens access; ${EXIT.needsApproval} reviewed, the change widens access or
weakens a control (ask for approval); ${EXIT.badInput} bad input or usage (this text, or a message
saying what was wrong).`;

export interface Io {
  stdin: () => string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/** Runs the command with its arguments; returns the exit status. */
export function main(args: string[], io: Io): number {
  if (args.some((a) => a === "--help" || a === "-h") || args.length > 1 || (args[0]?.startsWith("-") && args[0] !== "-")) {
    io.stderr(`${args.some((a) => a === "--help" || a === "-h") ? "" : `cloudshell-review: unexpected arguments: ${args.join(" ")}\n\n`}${USAGE}\n`);
    return EXIT.usage;
  }
  const path = args[0];
  const source = !path || path === "-" ? "standard input" : path;
  try {
    let text: string;
    if (!path || path === "-") text = io.stdin();
    else if (!fs.existsSync(path)) throw new BadInput(`${path} does not exist. Give the path of a plan's JSON, or "-" for standard input.`);
    else text = fs.readFileSync(path, "utf8");
    const review = reviewText(text, source);
    io.stdout(review.markdown);
    return review.needsApproval.length ? EXIT.needsApproval : EXIT.reviewed;
  } catch (e) {
    if (!(e instanceof BadInput)) throw e;
    io.stderr(`cloudshell-review: ${e.message}\n`);
    return EXIT.badInput;
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2), {
    stdin: () => fs.readFileSync(0, "utf8"),
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
  });
}
