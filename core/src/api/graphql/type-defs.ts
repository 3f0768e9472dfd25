export const typeDefs = /* GraphQL */ `
  "An ISO 8601 timestamp with time zone."
  scalar DateTime

  type Query {
    "The shop's orders, newest first."
    orders(first: Int = 20, after: String, filter: OrderFilter): OrderConnection!
    "The shop's jobs in job-number order."
    jobs(first: Int = 20, after: String, filter: JobFilter): JobConnection!
    job(id: ID!): Job
    order(id: ID!): Order
    "The shop's production workflow."
    workflow: Workflow!
  }

  type Mutation {
    "Moves a job to another stage; fails with ILLEGAL_TRANSITION when the workflow does not allow it now."
    transitionJob(id: ID!, to: String!, note: String, "The stage the caller last saw; a job that moved since is not moved (CONFLICT)." expectedStage: String): Job!
    "Replaces the shop's workflow; fails with BAD_REQUEST (listing the problems) or CONFLICT (a job sits in a removed stage)."
    updateWorkflow(input: WorkflowInput!): Workflow!
  }

  input StageInput {
    "lowercase snake_case, unique"
    key: String!
    label: String!
    "queued, active, hold, done or cancelled"
    category: String!
    "received, in_review, in_production, ready, shipped, completed, on_hold or cancelled"
    customerStatus: String!
  }

  "A declared move. Give a stage key or a list of categories on each side."
  input TransitionInput {
    from: String
    fromCategories: [String!]
    to: String
    toCategories: [String!]
    "noPreflightErrors, allItemsShipped"
    guards: [String!]
    "notifyCustomer, pushStatus, createFulfillment"
    actions: [String!]
  }

  input WorkflowInput {
    initialStage: String!
    stages: [StageInput!]!
    transitions: [TransitionInput!]!
  }

  enum OrderStatus {
    OPEN
    CANCELLED
  }

  input OrderFilter {
    externalId: String
    "Matches order name, customer, line title or SKU."
    search: String
    status: OrderStatus
  }

  input JobFilter {
    "A stage key, e.g. in_production."
    stage: String
    "A job number (J-1042), a title, or an order name."
    search: String
    tag: String
    dueBefore: DateTime
    "Only jobs still on the shop floor: not in a done or cancelled stage."
    open: Boolean
  }

  type PageInfo {
    endCursor: String
    hasNextPage: Boolean!
  }

  type OrderConnection {
    nodes: [Order!]!
    pageInfo: PageInfo!
  }

  type JobConnection {
    nodes: [Job!]!
    pageInfo: PageInfo!
  }

  type Money {
    "Integer minor units (cents)."
    amountMinor: Int!
    currency: String!
  }

  type Order {
    id: ID!
    "The platform's order id, always a string."
    externalId: ID!
    name: String!
    status: OrderStatus!
    financialStatus: String!
    total: Money!
    customerEmail: String
    customerName: String
    "Where the order ships to; null for pickup or digital orders, and once erased on a privacy request."
    shippingAddress: Address
    shippingMethod: String
    placedAt: DateTime!
    createdAt: DateTime!
    lines: [OrderLine!]!
    jobs: [Job!]!
  }

  type Address {
    name: String
    company: String
    address1: String
    address2: String
    city: String
    province: String
    postalCode: String
    "ISO 3166-1 alpha-2"
    countryCode: String
    phone: String
  }

  type FileReference {
    name: String!
    url: String!
  }

  type LineProperty {
    name: String!
    value: String!
  }

  type OrderLine {
    id: ID!
    externalId: ID!
    title: String!
    variantTitle: String
    sku: String
    quantity: Int!
    properties: [LineProperty!]!
    "Files the customer attached by link (design files, photos), found among the properties."
    files: [FileReference!]!
    order: Order
  }

  type Stage {
    key: String!
    label: String!
    category: String!
    customerStatus: String!
  }

  type Transition {
    from: String
    fromCategories: [String!]
    to: String
    toCategories: [String!]
    guards: [String!]!
    actions: [String!]!
  }

  type Workflow {
    initialStage: String!
    stages: [Stage!]!
    transitions: [Transition!]!
  }

  type JobItem {
    quantity: Int!
    orderLine: OrderLine!
  }

  type JobEvent {
    at: DateTime!
    actor: String!
    kind: String!
    from: String
    to: String!
    note: String
  }

  type Job {
    id: ID!
    "Human job number, unique per shop, e.g. J-1042."
    number: String!
    title: String!
    stage: Stage!
    "Stages this job may legally move to now."
    nextStages: [Stage!]!
    dueAt: DateTime
    tags: [String!]!
    createdAt: DateTime!
    updatedAt: DateTime!
    order: Order
    items: [JobItem!]!
    "The audit trail, oldest first."
    events: [JobEvent!]!
  }
`;
