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
