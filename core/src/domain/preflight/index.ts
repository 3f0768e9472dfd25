export * from './facts.ts';
export { defaultInspectLimits } from './limits.ts';
// The inspectors (inspect-file.ts) are not re-exported: they load PDF and XML parsers that
// only the preflight worker thread needs.
export { buildReport, canAccept, summarizeFindings, type AcceptedFinding, type PreflightReport, type PreflightStatus } from './report.ts';
export {
  defaultRules,
  FILE_KINDS,
  PROCESSES,
  preflightRulesSchema,
  resolveRules,
  rulesFingerprint,
  type PreflightRules,
  type PreflightRulesInput,
  type Process,
  type RulesResolution,
} from './rules/preflight-rules.ts';
