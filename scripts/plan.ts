// npm run plan [-- --allow-skip]: every example planned for real, offline (tools/plan-command.ts).
import { planCommand } from "../tools/plan-command";
import { skipAllowed } from "../src/evidence/terraform";

planCommand(process.argv.includes("--allow-skip") || skipAllowed()).then((code) => process.exit(code));
