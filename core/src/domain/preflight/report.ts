import type { FileFacts, FileKind, Finding, Inspection } from './facts.ts';
import { evaluateRules } from './rules/evaluate-rules.ts';
import type { PreflightRules } from './rules/preflight-rules.ts';

export type PreflightStatus = 'passed' | 'warnings' | 'failed';

/** A finding an operator has looked at and accepted; only warnings can be. */
export interface AcceptedFinding extends Finding {
  accepted: true;
}

export interface PreflightReport {
  /** No errors: the file may go to production. */
  ok: boolean;
  status: PreflightStatus;
  kind: FileKind | null;
  errors: Finding[];
  /** Open warnings; accepted ones move to `accepted`. */
  warnings: Finding[];
  infos: Finding[];
  accepted: AcceptedFinding[];
  facts: FileFacts | null;
}

const BY_SEVERITY = { error: 0, warning: 1, info: 2 } as const;

/**
 * The inspector's findings and the profile's, sorted by severity then page; a warning
 * whose code is in `acceptedCodes` is accepted, an error never is.
 */
export function buildReport(inspection: Inspection, rules: PreflightRules, acceptedCodes: ReadonlySet<string> = new Set()): PreflightReport {
  const findings = inspection.ok ? [...inspection.findings, ...evaluateRules(inspection.kind, inspection.facts, rules)] : [inspection.finding];
  return summarizeFindings(findings, { kind: inspection.kind, facts: inspection.ok ? inspection.facts : null }, acceptedCodes);
}

/** A report from stored findings: acceptances made after the check apply when it is read. */
export function summarizeFindings(
  all: readonly Finding[],
  file: { kind: FileKind | null; facts: FileFacts | null },
  acceptedCodes: ReadonlySet<string> = new Set(),
): PreflightReport {
  const findings = [...all].sort((a, b) => BY_SEVERITY[a.severity] - BY_SEVERITY[b.severity] || (a.page ?? 0) - (b.page ?? 0));
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.filter((f) => f.severity === 'warning' && !acceptedCodes.has(f.code));
  const accepted = findings.filter((f) => f.severity === 'warning' && acceptedCodes.has(f.code)).map((f) => ({ ...f, accepted: true as const }));
  const infos = findings.filter((f) => f.severity === 'info');
  return {
    ok: errors.length === 0,
    status: errors.length > 0 ? 'failed' : warnings.length > 0 ? 'warnings' : 'passed',
    kind: file.kind,
    errors,
    warnings,
    infos,
    accepted,
    facts: file.facts,
  };
}

/** Whether an operator may accept this finding code on this report. */
export function canAccept(report: Pick<PreflightReport, 'warnings'>, code: string): boolean {
  return report.warnings.some((finding) => finding.code === code);
}
