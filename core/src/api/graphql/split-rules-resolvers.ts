import { loadSplitRules, saveSplitRules } from '../../use-cases/split-rules/split-rules.ts';
import type { GraphQLContext } from './context.ts';

export const splitRulesResolvers = {
  Query: {
    splitRules: (_: unknown, __: unknown, ctx: GraphQLContext) => ctx.inShop((tx) => loadSplitRules(tx, ctx.principal.shopId)),
  },
  Mutation: {
    saveSplitRules: (_: unknown, args: { rules: unknown[] }, ctx: GraphQLContext) => saveSplitRules(ctx.deps, { shopId: ctx.principal.shopId, rules: args.rules }),
  },
};
