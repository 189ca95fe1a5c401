// Generated from src/review/review.ts by npm run review:compile; do not edit.
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EXIT = void 0;
exports.reviewPlan = reviewPlan;
exports.reviewText = reviewText;
// The CloudShell review of a plan: who may do what with CloudShell before and after the change, what
// the SCPs deny and for whom, where the networks let traffic out, which detections are on, and what
// is known only after apply. Markdown for a pull request, and the list of what needs approval
// (a change that widens access or weakens a control).
const limits_1 = require("../facts/limits");
const access_1 = require("./access");
const analyse_1 = require("./analyse");
const calls_1 = require("./calls");
const monitoring_1 = require("./monitoring");
const network_1 = require("./network");
const plan_1 = require("./plan");
const statements_1 = require("./statements");
const unknowns_1 = require("./unknowns");
/** The exit status of the command: documented in the README ("Plan review"). */
exports.EXIT = { reviewed: 0, usage: 2, badInput: 2, needsApproval: 3 };
const OUR_NETWORK = /^cloudshell-vpc-network$/;
function stateOf(world, plan, calls) {
    const access = (0, access_1.accessOf)(world, plan.config);
    const entities = (0, analyse_1.entitiesOf)(access);
    const vpcs = new Set(entities.flatMap((e) => (0, analyse_1.candidatesOf)(e.policies).vpcs));
    const keep = (module) => {
        if (!plan.config)
            return true;
        if (OUR_NETWORK.test((0, calls_1.callHolding)(calls, module)?.module ?? ""))
            return true;
        return world.resources.some((r) => r.module === module && typeof r.values.vpc_id === "string" && vpcs.has(r.values.vpc_id));
    };
    return { access, entities, networks: (0, network_1.networksOf)(world, keep, plan.config), detections: (0, monitoring_1.detectionsOf)(world, plan.config) };
}
/** This project's modules whose policies grant or deny CloudShell. */
const GRANTING = /^cloudshell-(policy|policy-document|guardrail)$/;
/**
 * Whether a policy known only after apply is CloudShell's: inside a call of this project's policy
 * modules, or made from an output of any of its modules (such as the network's cloudshell_policy_json).
 * Other policies known only after apply are listed under "Known only after apply", not asked about.
 */
function cloudShellsOwn(p, plan, calls) {
    if (!plan.config)
        return true;
    if (!p.resource)
        return false;
    if (GRANTING.test((0, calls_1.callHolding)(calls, p.resource.module)?.module ?? ""))
        return true;
    const scope = (0, plan_1.modulePath)(p.resource.module);
    return (0, plan_1.referencesOf)(plan.config, p.resource, p.attribute ?? "policy").some((ref) => {
        const m = /^module\.([^.[]+)/.exec(ref);
        return m !== null && calls.some((c) => c.path.join(".") === [...scope, m[1]].join("."));
    });
}
function relevant(e, plan, calls) {
    if (e.group === "target")
        return e.own.length > 0;
    return e.own.some((p) => (p.document === "unknown" ? cloudShellsOwn(p, plan, calls) : (0, access_1.touchesCloudShell)(p.document)));
}
/** Features with the same answer together: "Upload, Download: yes; Restart: no". */
const grouped = (pairs) => {
    const by = new Map();
    for (const [label, answer] of pairs)
        by.set(answer, [...(by.get(answer) ?? []), label]);
    return [...by].map(([answer, labels]) => `${labels.join(", ")}: ${answer}`).join("; ");
};
const cell = (s) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
const table = (header, rows) => [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`)];
const sizeWords = (p) => {
    if (!p.quota)
        return "";
    if (!p.text)
        return `size known after apply (quota ${(0, limits_1.thousands)(p.quota.limit)})`;
    const size = (0, access_1.policySize)(p.text, p.quota.whitespace);
    return `${(0, limits_1.thousands)(size)} of ${(0, limits_1.thousands)(p.quota.limit)} characters (${p.quota.what}${p.quota.whitespace ? ", whitespace counted" : ", whitespace not counted"})${size > p.quota.limit ? " **over the quota: AWS will refuse it**" : ""}`;
};
/** allowEmpty: a plan with nothing CloudShell is reviewed as such, not refused (the repository's own evidence groups). */
function reviewPlan(plan, source, options = {}) {
    const calls = (0, calls_1.callsOf)(plan.config);
    const before = stateOf(plan.before, plan, calls);
    const after = stateOf(plan.after, plan, calls);
    const relevantKeys = new Set([...before.entities, ...after.entities].filter((e) => relevant(e, plan, calls)).map((e) => e.key));
    const hasContent = calls.length > 0 ||
        relevantKeys.size > 0 ||
        [before, after].some((s) => s.detections.length > 0 || (!plan.config ? false : s.networks.length > 0));
    if (!hasContent && !options.allowEmpty) {
        throw new plan_1.BadInput(`${source} has nothing CloudShell: no call of this project's modules, and no IAM policy, SCP, permission set, permissions boundary, policy document output or EventBridge rule that touches CloudShell, before or after the change.`);
    }
    const needsApproval = [];
    const changes = [];
    const sections = [];
    // ---- Principals, SCP targets and lone policies, feature by feature ----
    // A lone policy that a principal or target comes to hold (or stops holding) is reviewed there, not as new or gone.
    const held = (st) => new Set(st.entities.filter((e) => e.group !== "policy").flatMap((e) => e.own.map((p) => `policy/${p.id}`)));
    const [heldBefore, heldAfter] = [held(before), held(after)];
    const moved = (key) => heldBefore.has(key) || heldAfter.has(key);
    const keys = [...relevantKeys].filter((k) => !moved(k)).sort((a, b) => a.localeCompare(b));
    const byKey = (s, key) => s.entities.find((e) => e.key === key);
    const partition = after.access.partition;
    const tables = { principal: [], target: [], policy: [] };
    /** Each SCP target's table, shown with its statements. */
    const targetTables = new Map();
    for (const key of keys) {
        const [b, a] = [byKey(before, key), byKey(after, key)];
        const entity = (a ?? b);
        const c = (0, analyse_1.candidatesOf)([...(b?.policies ?? []), ...(a?.policies ?? [])]);
        const rows = [];
        const moves = [];
        for (const row of analyse_1.ROWS) {
            const ab = b ? (0, analyse_1.answer)(b, row, c, partition) : (0, analyse_1.absent)(row, c, entity.reading);
            const aa = a ? (0, analyse_1.answer)(a, row, c, partition) : (0, analyse_1.absent)(row, c, entity.reading);
            // A lone policy's own name says nothing in its own rows.
            const own = (t) => (entity.group === "policy" ? t.split(` in ${entity.own[0].name}`).join("") : t);
            const [tb, ta] = [b ? own((0, analyse_1.summarize)(row, ab, c, b.reading)) : "—", a ? own((0, analyse_1.summarize)(row, aa, c, a.reading)) : "—"];
            rows.push([row.label, ta, tb]);
            const moved = (0, analyse_1.direction)(ab, aa);
            if (tb !== ta || moved)
                moves.push({ label: row.label, from: tb, to: ta, moved });
        }
        const wider = moves.filter((m) => m.moved === "widens" || m.moved === "may widen");
        if (b && a) {
            for (const m of moves) {
                const what = `**${entity.label}**, ${m.label}: ${m.from} → ${m.to}`;
                changes.push(`- ${what}${m.moved ? ` (${m.moved})` : ""}`);
                if (wider.includes(m))
                    needsApproval.push(what);
            }
        }
        else {
            // A new or removed principal, target or policy: one line with what it allows (or, a guardrail, denies).
            const shown = moves.filter((m) => (entity.reading === "grant" ? !(a ? m.to : m.from).startsWith("no") : (a ? m.to : m.from).startsWith("no")));
            const words = grouped(shown.map((m) => [m.label, a ? m.to : m.from]));
            const what = `**${entity.label}** (${a ? "new" : "gone"}): ${entity.reading === "grant" ? (a ? "may" : "may no longer") : a ? "denies" : "no longer denies"} ${words || "nothing"}`;
            changes.push(`- ${what}${wider.length ? ` (${wider.some((m) => m.moved === "widens") ? "widens" : "may widen"})` : moves.some((m) => m.moved === "narrows") ? " (narrows)" : ""}`);
            if (wider.length)
                needsApproval.push(what);
        }
        const changed = moves.length > 0 && Boolean(b && a);
        const held = entity.own.map((p) => `${p.name}${p.resource ? ` (\`${p.resource.address}\`)` : ""}${p.unreadable ? ` (${p.unreadable})` : ""}`).join(", ");
        const reading = entity.reading === "guardrail" ? "what these Deny statements still let an ordinary principal do (one that matches no exemption), whatever its own policies grant" : "what it may do";
        const lines = [
            `**${entity.label}**: ${reading}. Policies: ${held || "none"}.`,
            "",
            ...table(changed ? ["Feature", "After", "Before"] : ["Feature", "Now"], rows.map((r) => (changed ? r : r.slice(0, 2)))),
            "",
        ];
        if (entity.group === "target")
            targetTables.set(entity.key.slice("target/".length), lines);
        else
            tables[entity.group].push(...lines);
    }
    /** Statements added or removed, principals newly exempt or no longer: a removal or a new exemption widens. */
    const statementChanges = (who, sb, sa, existed, exists) => {
        const label = (s) => `${s.sid ? `\`${s.sid}\`` : "a statement without Sid"} (${s.what})`;
        const same = (x, y) => x.sid === y.sid && x.what === y.what;
        if (existed)
            for (const s of sa.filter((x) => !sb.some((y) => same(x, y))))
                changes.push(`- **${who}**: statement ${label(s)} added`);
        for (const s of sb.filter((x) => !sa.some((y) => same(x, y)))) {
            const what = `**${who}**: statement ${label(s)} removed`;
            changes.push(`- ${what} (widens)`);
            needsApproval.push(what);
        }
        const exempt = (list) => new Set(list.flatMap((s) => s.exempt));
        const [eb, ea] = [exempt(sb), exempt(sa)];
        for (const e of [...ea].filter((x) => !eb.has(x) && existed)) {
            const what = `**${who}**: ${e} now exempt`;
            changes.push(`- ${what} (widens)`);
            needsApproval.push(what);
        }
        for (const e of [...eb].filter((x) => !ea.has(x) && exists))
            changes.push(`- **${who}**: ${e} no longer exempt (narrows)`);
    };
    // ---- SCPs: each target's statements, who is exempt, sizes ----
    const scpLines = [];
    const targetIds = [...new Set([...before.access.targets, ...after.access.targets].map((t) => t.id))].sort();
    for (const id of targetIds) {
        const [tb, ta] = [before.access.targets.find((t) => t.id === id), after.access.targets.find((t) => t.id === id)];
        const statements = (list) => (list ?? []).flatMap((p) => (p.document === "unknown" ? [] : (0, statements_1.summarizeDocument)(p.document).map((s) => ({ ...s, policy: p.name }))));
        const statementTable = (header, list) => table([header, "Effect", "What it does", "Exempt"], list.map((s) => [s.sid ?? "(no Sid)", s.effect, s.what, s.exempt.join("; ") || "nobody"]));
        const [sb, sa] = [statements(tb?.scps), statements(ta?.scps)];
        const [rb, ra] = [statements(tb?.rcps), statements(ta?.rcps)];
        if (ta) {
            const held = [...ta.scps, ...ta.rcps];
            scpLines.push(`**${id}**${tb ? "" : " (new)"}: ${held.map((p) => `\`${p.name}\`: ${sizeWords(p)}`).join("; ")}`, "");
            const unknown = held.filter((p) => p.document === "unknown");
            if (unknown.length)
                scpLines.push(`Known only after apply: ${unknown.map((p) => `\`${p.name}\``).join(", ")}.`, "");
            if (ta.scps.length)
                scpLines.push(...statementTable("Statement", sa), "");
            // An RCP limits what anyone may do to the resources of the services it covers (STS among them), not CloudShell's features.
            if (ta.rcps.length)
                scpLines.push(...statementTable("RCP statement", ra), "");
            scpLines.push(...(targetTables.get(id) ?? []));
        }
        else
            scpLines.push(`**${id}**: no SCP or RCP of this plan is attached any more.`, "");
        statementChanges(`SCPs on ${id}`, sb, sa, Boolean(tb), Boolean(ta));
        statementChanges(`RCPs on ${id}`, rb, ra, Boolean(tb), Boolean(ta));
    }
    // Guardrail documents no target of this plan holds (an SCP as an output): the same.
    const guardrailDocs = (st) => st.entities.filter((e) => e.group === "policy" && e.reading === "guardrail");
    for (const key of [...new Set([...guardrailDocs(before), ...guardrailDocs(after)].map((e) => e.key))].filter((k) => !moved(k)).sort()) {
        const [db, da] = [guardrailDocs(before).find((e) => e.key === key), guardrailDocs(after).find((e) => e.key === key)];
        const statements = (e) => (e?.own ?? []).flatMap((p) => (p.document === "unknown" ? [] : (0, statements_1.summarizeDocument)(p.document)));
        statementChanges((da ?? db).label, statements(db), statements(da), Boolean(db), Boolean(da));
    }
    // ---- Networks ----
    const netLines = [];
    const modules = [...new Set([...before.networks, ...after.networks].map((n) => n.module))].sort();
    for (const m of modules) {
        const [nb, na] = [before.networks.find((n) => n.module === m), after.networks.find((n) => n.module === m)];
        const n = (na ?? nb);
        const name = m || "the root module";
        if (!na) {
            changes.push(`- **network ${name}**: removed`);
            continue;
        }
        const oversize = n.endpoints.filter((e) => (e.size ?? 0) > network_1.ENDPOINT_POLICY_LIMIT);
        netLines.push(`**${name}**${nb ? "" : " (new)"}: ${n.vpc}`, "", `- Internet: ${(0, network_1.egress)(n)}`, `- VPC endpoints: ${(0, network_1.endpointWords)(n)}${oversize.length ? ` (**over ${(0, limits_1.thousands)(network_1.ENDPOINT_POLICY_LIMIT)} characters: ${oversize.map((e) => e.label).join(", ")}**)` : ""}`, `- DNS Firewall: ${n.dnsFirewall ?? "none"}`, `- Flow logs: ${n.flowLogs ? `${n.flowLogs}` : "none"}`, "");
        for (const w of (0, network_1.networkWidening)(nb, na)) {
            const what = `**network ${name}**: ${w}`;
            changes.push(`- ${what} (widens)`);
            needsApproval.push(what);
        }
        if (nb && (0, network_1.egress)(nb) !== (0, network_1.egress)(na))
            changes.push(`- **network ${name}**: internet: ${(0, network_1.egress)(nb)} → ${(0, network_1.egress)(na)}`);
    }
    // ---- Monitoring ----
    const monLines = after.detections.length
        ? table(["Detection", "Detects", "On", "Sends to"], after.detections.map((d) => [`\`${d.address}\``, d.what, d.enabled === "unknown" ? "known after apply" : d.enabled ? "yes" : "no", d.sends.join(", ") || "no target in this plan"]))
        : ["No CloudShell detection in this plan."];
    const added = after.detections.filter((x) => !before.detections.some((y) => y.address === x.address));
    for (const m of [...new Set(added.map((d) => d.module))]) {
        changes.push(`- **detections added** in ${m || "the root module"}: ${added.filter((d) => d.module === m).map((d) => `\`${d.name}\``).join(", ")}`);
    }
    for (const w of (0, monitoring_1.detectionWeakening)(before.detections, after.detections)) {
        changes.push(`- **${w}** (weakens detection)`);
        needsApproval.push(w);
    }
    // ---- Module calls ----
    const callLines = calls.map((c) => {
        const constants = Object.entries(c.inputs)
            .filter(([, e]) => e.constant_value !== undefined)
            .map(([k, e]) => `${k} = ${JSON.stringify(e.constant_value)}`);
        const computed = Object.entries(c.inputs).filter(([, e]) => e.constant_value === undefined).map(([k]) => k);
        return `- \`${c.address}\`: ${c.kind} ${c.module} (\`${c.source}\`${c.version ? `, version ${c.version}` : ""})${constants.length ? `; ${constants.join(", ")}` : ""}${computed.length ? `; from expressions: ${computed.join(", ")}` : ""}`;
    });
    // ---- Known only after apply ----
    const unknownLines = [];
    const seen = new Set();
    const allPolicies = [...after.access.principals.flatMap((p) => [...p.identity, ...p.boundaries]), ...after.access.targets.flatMap((t) => [...t.scps, ...t.rcps]), ...after.access.unattached];
    for (const p of allPolicies) {
        if (p.document !== "unknown" || !p.resource || seen.has(p.id))
            continue;
        seen.add(p.id);
        const deps = (0, unknowns_1.dependsOn)(plan.config, p.resource, p.attribute ?? "policy");
        unknownLines.push(`- \`${p.name}\`: its JSON${deps.length ? `; depends on ${deps.join("; ")}` : ""}`);
    }
    for (const p of after.access.principals.filter((x) => x.label.includes("known after apply")))
        unknownLines.push(`- ${p.label}`);
    for (const t of after.access.targets.filter((x) => x.id.startsWith("(known after apply")))
        unknownLines.push(`- an SCP target ${t.id}`);
    for (const n of after.networks) {
        const pending = n.endpoints.filter((e) => e.policy === "unknown");
        if (!pending.length)
            continue;
        const r = plan.after.resources.find((x) => x.address === pending[0].address);
        const deps = (0, unknowns_1.dependsOn)(plan.config, r, "policy");
        unknownLines.push(`- the policy of ${pending.length} VPC endpoint(s) of ${n.module || "the root module"} (${pending.map((e) => e.label).join(", ")})${deps.length ? `; depends on ${deps.join("; ")}` : ""}`);
    }
    for (const d of after.detections.filter((x) => x.what === monitoring_1.PATTERN_UNKNOWN)) {
        const r = plan.after.resources.find((x) => x.address === d.address);
        const deps = (0, unknowns_1.dependsOn)(plan.config, r, "event_pattern");
        unknownLines.push(`- the pattern of \`${d.name}\`${deps.length ? `; depends on ${deps.join("; ")}` : ""}`);
    }
    for (const d of after.detections.filter((x) => x.sends.some((s) => s.includes("known after apply"))))
        unknownLines.push(`- where \`${d.name}\` sends: ${d.sends.filter((s) => s.includes("known after apply")).join(", ")}`);
    // ---- Sizes of lone and held policies ----
    const sizeLines = [...new Map(allPolicies.filter((p) => p.quota && (p.kind === "RCP" || p.document === "unknown" || (0, access_1.touchesCloudShell)(p.document))).map((p) => [p.id, p])).values()].map((p) => `- \`${p.name}\`: ${sizeWords(p)}`);
    const over = sizeLines.filter((l) => l.includes("over the quota"));
    const head = [
        `## CloudShell review of ${source}`,
        "",
        needsApproval.length
            ? `**Needs approval: this change widens access or weakens a control** (exit status ${exports.EXIT.needsApproval}):`
            : "**Nothing in this change widens access or weakens a control.**",
        "",
        ...needsApproval.map((l) => `- ${l}`),
        ...(over.length ? ["", "**Over a quota (the apply will fail):**", "", ...over] : []),
        "",
    ];
    const section = (title, lines, empty) => [`### ${title}`, "", ...(lines.length ? lines : [empty, ""])];
    sections.push(...section("Changes", changes.length ? [...changes, ""] : [], "No change in what anyone may do with CloudShell, in the SCPs, the networks or the detections."), ...section("Who may use CloudShell", tables.principal, "No principal in this plan holds a policy that touches CloudShell."), ...(scpLines.length ? section("Service and resource control policies", scpLines, "") : []), ...(tables.policy.length ? section("Policies no principal of this plan holds", tables.policy, "") : []), ...(sizeLines.length ? section("Policy sizes", [...sizeLines, ""], "") : []), ...section("Networks", netLines, "No CloudShell network in this plan."), ...section("Monitoring", [...monLines, ""], ""), ...section("Calls of this project's modules", callLines.length ? [...callLines, ""] : [], "None."), ...section("Known only after apply", unknownLines.length ? [...unknownLines, ""] : [], "Nothing this review reads."), "<sub>Read from the plan alone: policies attached outside this plan are not seen; principals are taken to carry no tags but those this plan gives them and to match no exemption pattern but by their own name; SCPs are read with FullAWSAccess still attached, and those attached to the organization root apply to every principal here (not to the management account). Each feature is asked in every Region and network the policies name, and in one they do not.</sub>", "");
    return { markdown: [...head, ...sections].join("\n"), needsApproval, changes };
}
/** Reads and reviews a plan's JSON text; bad input throws BadInput with the message to show. */
function reviewText(text, source) {
    return reviewPlan((0, plan_1.readPlan)(text, source), source);
}
