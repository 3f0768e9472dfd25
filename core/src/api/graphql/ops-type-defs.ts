export const opsTypeDefs = /* GraphQL */ `
  extend type Job {
    "A rush job goes first in its lane."
    rush: Boolean!
    "When the job entered its current stage."
    stageEnteredAt: DateTime!
    "Where the piece physically is (shelf, cart, dryer…), as an operator last set it."
    location: String
    locationChangedAt: DateTime
  }

  "Something that happened to an order as a whole (received, updated, cancelled, ETA changed…); append-only."
  type OrderEvent {
    at: DateTime!
    actor: String!
    kind: String!
    note: String
  }

  extend type Order {
    "The order's own audit trail, oldest first (its jobs' events are on each job)."
    events: [OrderEvent!]!
  }

  extend type Query {
    "Places the shop's jobs were put lately, most recent first (suggestions for the location field)."
    jobLocations: [String!]!
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
    "Records where the job's piece is (null or blank clears it); audited on the job's timeline."
    setJobLocation(jobId: ID!, location: String): Job!
  }
`;
