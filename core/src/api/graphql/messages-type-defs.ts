export const messagesTypeDefs = /* GraphQL */ `
  extend type Order {
    "The order's thread with its customer (storefront messages widget), oldest first."
    messages: [OrderMessage!]!
  }

  extend type Mutation {
    """
    The shop's reply in an order's thread (audited); the customer is e-mailed (unless they
    opted out). Files go as a multipart request (GraphQL multipart request spec), at most 5
    of 20 MB each; the body may be empty when files are attached.
    """
    sendOrderMessage(orderId: ID!, body: String!, attachments: [File!]): OrderMessage!
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
    sizeBytes: Float!
    "What a download is served as; application/octet-stream for anything a browser could run as a page (HTML, SVG)."
    contentType: String!
    "GET this path on Pressline with the same credential as GraphQL (Authorization: Bearer) to download the file."
    downloadPath: String!
  }
`;
