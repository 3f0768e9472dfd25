export { productionDecision, type ProductionDecision } from './production-decision.ts';
export { fileReferencesOf, type FileReference } from './file-references.ts';
