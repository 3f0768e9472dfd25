/**
 * Which jobs may share a gang run. Pure: the caller reads the jobs, their profiles and
 * preflight state, and passes `now`; the selection and its reasons are decided here.
 */
export interface GangRules {
  /** Jobs due within this many days of the group's most urgent job may share its run. */
  windowDays: number;
  /** Rush jobs gang like any other (`include`), stay out (`exclude`) or lead their group (`first`). */
  rush: 'include' | 'exclude' | 'first';
  rushTag: string;
}

export const DEFAULT_GANG_RULES: GangRules = { windowDays: 7, rush: 'first', rushTag: 'rush' };

export interface CandidateJob {
  jobId: string;
  dueAt: Date | null;
  tags: readonly string[];
  /** Null when the job's lines have no profile or profiles that disagree. */
  profile: { id: string; gangable: boolean; process: string; material: string | null; finishing: string | null; colorMode: string } | null;
  /** What one copy covers (trim size, or the part's or drawing's measured base); null when unknown. */
  footprintMm: { width: number; height: number } | null;
  /** Preflight of the job's design files: errors in current reports, files unchecked, design files at all. */
  preflight: { errors: number; pending: number; designFiles: number };
  /** Stage category now; only queued jobs are waiting to be ganged. */
  stageCategory: string;
  /** Already served by a planned or running run. */
  inOpenRun: boolean;
}

export type GangTargetKind = 'sheet' | 'roll' | 'plate';

export interface CandidateGroup {
  /** What the jobs share; equal keys may gang. */
  key: string;
  targetKind: GangTargetKind;
  process: string;
  material: string | null;
  finishing: string | null;
  colorMode: string;
  /** In the order a run should take them: rush first when the rules say so, then by due date. */
  jobIds: string[];
}

export interface Excluded {
  jobId: string;
  reason: 'not-gangable' | 'no-profile' | 'no-trim-size' | 'preflight-not-passed' | 'not-waiting' | 'in-run' | 'rush-excluded' | 'outside-window';
}

const DAY_MS = 86_400_000;

/** The kind of carrier a process prints or cuts on. */
export function targetKindOf(process: string): GangTargetKind {
  if (process === 'label_roll') return 'roll';
  if (process === 'fdm' || process === 'sla') return 'plate';
  return 'sheet';
}

export function groupKeyOf(profile: NonNullable<CandidateJob['profile']>): string {
  return JSON.stringify([targetKindOf(profile.process), profile.process, profile.material ?? '', profile.finishing ?? '', profile.colorMode]);
}

export function selectGangCandidates(jobs: readonly CandidateJob[], rules: GangRules, now: Date): { groups: CandidateGroup[]; excluded: Excluded[] } {
  const excluded: Excluded[] = [];
  const groups = new Map<string, { group: CandidateGroup; jobs: CandidateJob[] }>();
  const isRush = (job: CandidateJob) => job.tags.includes(rules.rushTag);
  for (const job of jobs) {
    const reason = exclusion(job, rules, isRush(job));
    if (reason) {
      excluded.push({ jobId: job.jobId, reason });
      continue;
    }
    const profile = job.profile!;
    const key = groupKeyOf(profile);
    const entry = groups.get(key) ?? {
      group: { key, targetKind: targetKindOf(profile.process), process: profile.process, material: profile.material, finishing: profile.finishing, colorMode: profile.colorMode, jobIds: [] },
      jobs: [],
    };
    entry.jobs.push(job);
    groups.set(key, entry);
  }

  const result: CandidateGroup[] = [];
  for (const { group, jobs: members } of groups.values()) {
    const due = (job: CandidateJob) => job.dueAt?.getTime() ?? Number.POSITIVE_INFINITY;
    members.sort((a, b) => {
      if (rules.rush === 'first' && isRush(a) !== isRush(b)) return isRush(a) ? -1 : 1;
      return due(a) - due(b) || a.jobId.localeCompare(b.jobId);
    });
    // The window is anchored on the most urgent dated job (or today when it is overdue);
    // undated jobs fit any run.
    const dated = members.map(due).filter(Number.isFinite);
    const anchor = dated.length > 0 ? Math.max(Math.min(...dated), now.getTime()) : null;
    for (const job of members) {
      const inWindow = anchor === null || job.dueAt === null || due(job) <= anchor + rules.windowDays * DAY_MS || (rules.rush === 'first' && isRush(job));
      if (inWindow) group.jobIds.push(job.jobId);
      else excluded.push({ jobId: job.jobId, reason: 'outside-window' });
    }
    if (group.jobIds.length > 0) result.push(group);
  }
  result.sort((a, b) => b.jobIds.length - a.jobIds.length || a.key.localeCompare(b.key));
  return { groups: result, excluded };
}

function exclusion(job: CandidateJob, rules: GangRules, rush: boolean): Excluded['reason'] | null {
  if (job.stageCategory !== 'queued') return 'not-waiting';
  if (job.inOpenRun) return 'in-run';
  if (!job.profile) return 'no-profile';
  if (!job.profile.gangable) return 'not-gangable';
  if (!job.footprintMm) return 'no-trim-size';
  if (job.preflight.errors > 0 || job.preflight.pending > 0 || job.preflight.designFiles === 0) return 'preflight-not-passed';
  if (rush && rules.rush === 'exclude') return 'rush-excluded';
  return null;
}
