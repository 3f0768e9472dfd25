export { productionDecision, type ProductionDecision } from './production-decision.ts';
