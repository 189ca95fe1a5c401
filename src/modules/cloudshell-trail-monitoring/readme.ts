// The README context of modules/cloudshell-trail-monitoring: the rules, the translation notes.
import { Evidence } from "../../generator/definition";
import { TRAIL_MONITORING_FILE, TrailMonitoringFile, trailMonitoringTable } from "../../generator/trail-monitoring-table";
import { RULES, ruleSuffix } from "../cloudshell-monitoring/rules";
import { DECLARED, TRANSLATION_NOTES } from "./filter-patterns";
import { NAME_MAX } from "./inputs";

export const trailMonitoringReadme = (evidence: Evidence) => ({
  table: trailMonitoringTable(evidence.read<TrailMonitoringFile>(TRAIL_MONITORING_FILE)),
  rules: RULES.map((r) => ({ ...r, suffix: ruleSuffix(r.key), declared: r.key in DECLARED })),
  translationNotes: TRANSLATION_NOTES,
  nameMax: NAME_MAX,
});
