import { withShop } from '@pressline/db';
import { createApiKey } from '../../use-cases/api-keys/create-api-key.ts';
import { apiKeyName, listApiKeys, revokeApiKey } from '../../use-cases/api-keys/manage-api-keys.ts';
import type { GraphQLContext } from './context.ts';
import { requireUuid } from './ids.ts';

export const apiKeysResolvers = {
  Query: {
    apiKeys: (_: unknown, __: unknown, ctx: GraphQLContext) => ctx.inShop((tx) => listApiKeys(tx, ctx.principal.shopId)),
  },
  Mutation: {
    createApiKey: async (_: unknown, args: { name: string }, ctx: GraphQLContext) => {
      const shopId = ctx.principal.shopId;
      const created = await createApiKey(ctx.deps, { shopId, name: apiKeyName(args.name) });
      const keys = await withShop(ctx.deps.db, shopId, (tx) => listApiKeys(tx, shopId));
      return { apiKey: keys.find((key) => key.id === created.id), key: created.key };
    },
    revokeApiKey: (_: unknown, args: { id: string }, ctx: GraphQLContext) => revokeApiKey(ctx.deps, { shopId: ctx.principal.shopId, id: requireUuid(args.id, 'id') }),
  },
};
