import { createSchema, createYoga } from 'graphql-yoga';
import type { CoreDeps } from '../../deps.ts';
import type { ApiPrincipal } from '../../use-cases/api-keys/authenticate-api-key.ts';
import { toGraphQLError } from '../error-mapping.ts';
import { apiKeysResolvers } from './api-keys-resolvers.ts';
import { apiKeysTypeDefs } from './api-keys-type-defs.ts';
import { createContext, type GraphQLContext } from './context.ts';
import { gangupResolvers } from './gangup-resolvers.ts';
import { gangupTypeDefs } from './gangup-type-defs.ts';
import { messagesResolvers } from './messages-resolvers.ts';
import { messagesTypeDefs } from './messages-type-defs.ts';
import { opsResolvers } from './ops-resolvers.ts';
import { opsTypeDefs } from './ops-type-defs.ts';
import { notificationsResolvers } from './notifications-resolvers.ts';
import { notificationsTypeDefs } from './notifications-type-defs.ts';
import { preflightResolvers } from './preflight-resolvers.ts';
import { preflightTypeDefs } from './preflight-type-defs.ts';
import { reportsResolvers } from './reports-resolvers.ts';
import { reportsTypeDefs } from './reports-type-defs.ts';
import { resolvers } from './resolvers.ts';
import { schedulingResolvers } from './scheduling-resolvers.ts';
import { schedulingTypeDefs } from './scheduling-type-defs.ts';
import { shippingResolvers } from './shipping-resolvers.ts';
import { shippingTypeDefs } from './shipping-type-defs.ts';
import { splitRulesResolvers } from './split-rules-resolvers.ts';
import { splitRulesTypeDefs } from './split-rules-type-defs.ts';
import { typeDefs } from './type-defs.ts';
import { workflowVocabularyResolvers } from './workflow-vocabulary-resolvers.ts';
import { workflowVocabularyTypeDefs } from './workflow-vocabulary-type-defs.ts';

export interface GraphQLServerContext {
  principal: ApiPrincipal;
}

export function createGraphQLHandler(deps: CoreDeps, log: (message: string, error: unknown) => void) {
  return createYoga<GraphQLServerContext, GraphQLContext>({
    graphqlEndpoint: '/graphql',
    schema: createSchema<GraphQLServerContext & GraphQLContext>({
      typeDefs: [typeDefs, preflightTypeDefs, schedulingTypeDefs, shippingTypeDefs, notificationsTypeDefs, reportsTypeDefs, gangupTypeDefs, messagesTypeDefs, opsTypeDefs, apiKeysTypeDefs, workflowVocabularyTypeDefs, splitRulesTypeDefs],
      resolvers: [resolvers, preflightResolvers, schedulingResolvers, shippingResolvers, notificationsResolvers, reportsResolvers, gangupResolvers, messagesResolvers, opsResolvers, apiKeysResolvers, workflowVocabularyResolvers, splitRulesResolvers],
    }),
    context: ({ principal }) => createContext(deps, principal),
    landingPage: false,
    // Internal errors are logged by maskError below; expected ones (bad input, illegal moves) are not noise.
    logging: false,
    maskedErrors: {
      maskError: (error) => {
        const mapped = toGraphQLError(error);
        if (mapped.extensions['code'] === 'INTERNAL') log('graphql resolver failed', error);
        return mapped;
      },
    },
  });
}
