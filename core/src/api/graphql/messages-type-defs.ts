export const messagesTypeDefs = /* GraphQL */ `
  extend type Order {
    "The order's thread with its customer (storefront messages widget), oldest first."
    messages: [OrderMessage!]!
  }

  extend type Mutation {
    "The shop's reply in an order's thread; the customer is e-mailed (unless they opted out)."
    sendOrderMessage(orderId: ID!, body: String!): OrderMessage!
  }

  enum MessageAuthor {
    CUSTOMER
    SHOP
  }

  type OrderMessage {
    id: ID!
    author: MessageAuthor!
    body: String!
    at: DateTime!
    attachments: [MessageAttachment!]!
  }

  type MessageAttachment {
    id: ID!
    name: String!
  }
`;
