#!/usr/bin/env node
// Generated from src/review/cli.ts by npm run review:compile; do not edit.
"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.USAGE = void 0;
exports.main = main;
// cloudshell-review [plan.json | -]: the CloudShell review of a Terraform plan's JSON
// (`terraform show -json plan.out`), from a file or standard input, as Markdown on standard output.
// Exit status: 0 reviewed, nothing widens access; 3 reviewed, something widens access or weakens a
// control (CI asks for approval); 2 bad input or usage (the message says which, on standard error).
const fs = __importStar(require("node:fs"));
const plan_1 = require("./plan");
const review_1 = require("./review");
exports.USAGE = `usage: cloudshell-review [plan.json | -]

Reviews what a Terraform plan changes about AWS CloudShell: who may launch it (public or VPC
environments, in which networks and Regions), transfer files, forward credentials, restart and
delete; what the SCPs deny and who is exempt; the networks' ways out; the detections; what is
known only after apply. Reads the JSON of a saved plan (terraform show -json plan.out) from the
file named, or from standard input when none is named or it is "-". Writes Markdown.

Exit status: 0 reviewed, nothing widens access; ${review_1.EXIT.needsApproval} reviewed, the change widens access or
weakens a control (ask for approval); ${review_1.EXIT.badInput} bad input or usage (this text, or a message
saying what was wrong).`;
/** Runs the command with its arguments; returns the exit status. */
function main(args, io) {
    if (args.some((a) => a === "--help" || a === "-h") || args.length > 1 || (args[0]?.startsWith("-") && args[0] !== "-")) {
        io.stderr(`${args.some((a) => a === "--help" || a === "-h") ? "" : `cloudshell-review: unexpected arguments: ${args.join(" ")}\n\n`}${exports.USAGE}\n`);
        return review_1.EXIT.usage;
    }
    const path = args[0];
    const source = !path || path === "-" ? "standard input" : path;
    try {
        let text;
        if (!path || path === "-")
            text = io.stdin();
        else if (!fs.existsSync(path))
            throw new plan_1.BadInput(`${path} does not exist. Give the path of a plan's JSON, or "-" for standard input.`);
        else
            text = fs.readFileSync(path, "utf8");
        const review = (0, review_1.reviewText)(text, source);
        io.stdout(review.markdown);
        return review.needsApproval.length ? review_1.EXIT.needsApproval : review_1.EXIT.reviewed;
    }
    catch (e) {
        if (!(e instanceof plan_1.BadInput))
            throw e;
        io.stderr(`cloudshell-review: ${e.message}\n`);
        return review_1.EXIT.badInput;
    }
}
if (require.main === module) {
    process.exitCode = main(process.argv.slice(2), {
        stdin: () => fs.readFileSync(0, "utf8"),
        stdout: (s) => process.stdout.write(s),
        stderr: (s) => process.stderr.write(s),
    });
}
