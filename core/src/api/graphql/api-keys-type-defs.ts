export const apiKeysTypeDefs = /* GraphQL */ `
  extend type Query {
    "The shop's API keys, newest first (their hints; a key itself is shown only when created)."
    apiKeys: [ApiKey!]!
  }

  extend type Mutation {
    "Creates an API key; \`key\` is returned this once and never again."
    createApiKey(name: String!): NewApiKey!
    "Revokes a key at once: requests made with it get 401."
    revokeApiKey(id: ID!): ApiKey!
  }

  type ApiKey {
    id: ID!
    name: String!
    "The first characters of the secret, to tell keys apart."
    hint: String!
    createdAt: DateTime!
    lastUsedAt: DateTime
    revokedAt: DateTime
  }

  type NewApiKey {
    apiKey: ApiKey!
    key: String!
  }
`;
