export { packGangUp } from './pack-gang-up.ts';
export { checkGangLayout, type LayoutCheck } from './check-layout.ts';
export { MAX_GANG_COPIES } from './copies.ts';
export type {
  GangItemInput,
  GangLayout,
  GangPlacement,
  GangSheet,
  GangTarget,
  GangUnplaced,
  GangUpBudget,
  GangUpInput,
  GangUpOutcome,
  GangUpRejected,
  GangUpResult,
} from './gangup-types.ts';
export { selectGangCandidates, targetKindOf, groupKeyOf, DEFAULT_GANG_RULES, type CandidateGroup, type CandidateJob, type Excluded, type GangRules, type GangTargetKind } from './candidates.ts';
export { stagePath } from './stage-path.ts';
export { footprintOf, type Footprint } from './footprint.ts';
export { lineAccount, type LineAccount, type LineRunShare } from './line-account.ts';
export { packingArea, SLUG_MM } from './sheet-area.ts';
export { applyPlacementChanges, utilizationOf, type LayoutItem, type OverrideInput, type OverrideOutcome, type PlacedCopy, type PlacementChange, type SheetPlacement } from './override-layout.ts';
