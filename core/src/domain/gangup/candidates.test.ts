import { describe, expect, it } from 'vitest';
import { selectGangCandidates, type CandidateJob, type GangRules } from './candidates.ts';

const NOW = new Date('2026-03-02T09:00:00Z');
const day = (n: number) => new Date(NOW.getTime() + n * 86_400_000);
const rules: GangRules = { windowDays: 3, rush: 'first', rushTag: 'rush' };

function job(jobId: string, overrides: Partial<CandidateJob> & { material?: string; process?: string } = {}): CandidateJob {
  const { material = 'silk 350', process = 'digital_press', ...rest } = overrides;
  return {
    jobId,
    dueAt: null,
    tags: [],
    profile: { id: 'p', gangable: true, process, material, finishing: null, colorMode: 'cmyk' },
    footprintMm: { width: 85, height: 55 },
    preflight: { errors: 0, pending: 0, designFiles: 1 },
    stageCategory: 'queued',
    inOpenRun: false,
    ...rest,
  };
}

describe('gang candidates', () => {
  it('groups jobs by what they must share and says why the others are left out', () => {
    const profile = job('x').profile!;
    const { groups, excluded } = selectGangCandidates(
      [
        job('a'),
        job('b'),
        job('c', { material: 'uncoated 300' }),
        job('d', { profile: { ...profile, gangable: false } }),
        job('e', { preflight: { errors: 0, pending: 1, designFiles: 1 } }),
        job('f', { preflight: { errors: 0, pending: 0, designFiles: 0 } }),
        job('g', { inOpenRun: true }),
        job('h', { stageCategory: 'active' }),
        job('i', { profile: null }),
        job('j', { footprintMm: null }),
        job('k', { process: 'label_roll' }),
      ],
      rules,
      NOW,
    );
    expect(groups.map((g) => [g.targetKind, g.material, g.jobIds])).toEqual([
      ['sheet', 'silk 350', ['a', 'b']],
      ['roll', 'silk 350', ['k']],
      ['sheet', 'uncoated 300', ['c']],
    ]);
    expect(Object.fromEntries(excluded.map((e) => [e.jobId, e.reason]))).toEqual({
      d: 'not-gangable',
      e: 'preflight-not-passed',
      f: 'preflight-not-passed',
      g: 'in-run',
      h: 'not-waiting',
      i: 'no-profile',
      j: 'no-trim-size',
    });
  });

  it('keeps a group within the due-date window of its most urgent job; undated jobs fit anywhere', () => {
    const { groups, excluded } = selectGangCandidates([job('late', { dueAt: day(9) }), job('soon', { dueAt: day(1) }), job('near', { dueAt: day(4) }), job('any')], rules, NOW);
    expect(groups[0]!.jobIds).toEqual(['soon', 'near', 'any']);
    expect(excluded).toEqual([{ jobId: 'late', reason: 'outside-window' }]);
  });

  it('anchors an overdue group on today rather than on the past', () => {
    const { groups } = selectGangCandidates([job('overdue', { dueAt: day(-5) }), job('in-two', { dueAt: day(2) })], rules, NOW);
    expect(groups[0]!.jobIds).toEqual(['overdue', 'in-two']);
  });

  it('puts rush jobs first (even past the window), or leaves them out, as the shop decides', () => {
    const jobs = [job('calm', { dueAt: day(1) }), job('rush', { dueAt: day(20), tags: ['rush'] })];
    expect(selectGangCandidates(jobs, rules, NOW).groups[0]!.jobIds).toEqual(['rush', 'calm']);
    const out = selectGangCandidates(jobs, { ...rules, rush: 'exclude' }, NOW);
    expect(out.groups[0]!.jobIds).toEqual(['calm']);
    expect(out.excluded).toEqual([{ jobId: 'rush', reason: 'rush-excluded' }]);
    expect(selectGangCandidates(jobs, { ...rules, rush: 'include' }, NOW).excluded).toEqual([{ jobId: 'rush', reason: 'outside-window' }]);
  });
});
