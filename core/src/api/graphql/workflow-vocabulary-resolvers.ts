import { ACTION_DESCRIPTIONS, ACTION_KEYS, CUSTOMER_STATUSES, GUARD_DESCRIPTIONS, GUARD_KEYS, STAGE_CATEGORIES } from '../../domain/index.ts';

const vocabulary = {
  guards: GUARD_KEYS.map((key) => ({ key, description: GUARD_DESCRIPTIONS[key] })),
  actions: ACTION_KEYS.map((key) => ({ key, description: ACTION_DESCRIPTIONS[key] })),
  categories: STAGE_CATEGORIES,
  customerStatuses: CUSTOMER_STATUSES,
};

export const workflowVocabularyResolvers = {
  Query: {
    workflowVocabulary: () => vocabulary,
  },
};
