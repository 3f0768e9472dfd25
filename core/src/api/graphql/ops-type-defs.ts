export const opsTypeDefs = /* GraphQL */ `
  extend type Job {
    "A rush job goes first in its lane."
    rush: Boolean!
    "When the job entered its current stage."
    stageEnteredAt: DateTime!
  }

  input ManualOrderItemInput {
    title: String!
    quantity: Int!
    sku: String
  }

  input ManualOrderInput {
    customerName: String!
    customerEmail: String
    items: [ManualOrderItemInput!]!
    dueAt: DateTime
    rush: Boolean
    tags: [String!]
    note: String
  }

  extend type Mutation {
    "A walk-in or phone order; it goes through the same intake as a platform order and becomes jobs."
    createManualOrder(input: ManualOrderInput!): Order!
  }
`;
