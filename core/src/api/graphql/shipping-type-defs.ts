export const shippingTypeDefs = /* GraphQL */ `
  extend type Query {
    "Outward effects that failed for good (dead-lettered), newest first."
    outboxFailures(first: Int = 50): [OutboxEffect!]!
  }

  extend type Mutation {
    "Records what left the shop (or is ready at the counter) for an order; partial shipments are normal. Recording the same reference again adds tracking numbers."
    recordShipment(input: RecordShipmentInput!): Shipment!
    "A carrier or operator event (e.g. delivered). Older or backwards events change nothing."
    recordShipmentStatus(shipmentId: ID!, status: ShipmentStatus!, occurredAt: DateTime): Shipment!
    "Tries a dead-lettered effect again with a fresh set of attempts."
    retryOutboxEffect(id: ID!): OutboxEffect!
  }

  enum ShipmentStatus {
    SHIPPED
    DELIVERED
  }

  input ShipmentLineInput {
    orderLineId: ID!
    quantity: Int!
  }

  input PickupInput {
    address: String!
    hours: String
  }

  input RecordShipmentInput {
    orderId: ID!
    "Omit (or null) for a local pickup given in pickup."
    carrier: String
    trackingNumbers: [String!]
    trackingUrl: String
    "Local pickup: where and when; the shop's pickup address when omitted."
    pickup: PickupInput
    localPickup: Boolean
    "Your own shipment reference; the same reference again merges tracking into that shipment."
    reference: String
    lines: [ShipmentLineInput!]!
  }

  type ShipmentLine {
    quantity: Int!
    orderLine: OrderLine!
  }

  type Pickup {
    address: String!
    hours: String
  }

  type Shipment {
    id: ID!
    localPickup: Boolean!
    reference: String
    carrier: String
    trackingNumbers: [String!]!
    trackingUrl: String
    pickup: Pickup
    status: ShipmentStatus!
    statusAt: DateTime!
    "The platform's fulfillment, once it was created."
    fulfillmentId: String
    lines: [ShipmentLine!]!
    createdAt: DateTime!
  }

  type LineCustomerStatus {
    orderLine: OrderLine!
    status: String!
    quantity: Int!
    shipped: Int!
    delivered: Int!
  }

  "What the customer sees: paid, in_production, ready, shipped, delivered, on_hold, delayed or cancelled."
  type OrderCustomerStatus {
    status: String!
    label: String!
    holdReason: String
    partiallyShipped: Boolean!
    lines: [LineCustomerStatus!]!
  }

  extend type Order {
    customerStatus: OrderCustomerStatus!
    shipments: [Shipment!]!
  }

  type OutboxEffect {
    id: ID!
    "push_status, create_fulfillment, update_tracking, order_note, email or webhook"
    kind: String!
    status: String!
    attempts: Int!
    lastError: String
    order: Order
    createdAt: DateTime!
    nextAttemptAt: DateTime!
  }
`;
