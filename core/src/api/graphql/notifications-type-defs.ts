export const notificationsTypeDefs = /* GraphQL */ `
  extend type Query {
    "The shop's customer e-mail templates, one per customer status."
    notificationTemplates: [NotificationTemplate!]!
    "What the order's customer would receive for a status: the stored template, or the subject/body given (a draft)."
    notificationPreview(orderId: ID!, status: String!, subject: String, body: String): NotificationPreview!
    webhookSubscriptions: [WebhookSubscription!]!
  }

  extend type Mutation {
    "Saves the template (Liquid) for a customer status: paid, in_production, ready, shipped, delivered, on_hold, delayed, cancelled."
    saveNotificationTemplate(input: NotificationTemplateInput!): NotificationTemplate!
    saveNotificationSettings(input: NotificationSettingsInput!): NotificationSettings!
    "The customer gets no more e-mail from this shop."
    optOutCustomer(email: String!): Boolean!
    "Subscribes a URL to job.stage_changed, order.status_changed and/or shipment.created; the signing secret is returned once."
    createWebhookSubscription(url: String!, topics: [String!]!): CreatedWebhookSubscription!
    deleteWebhookSubscription(id: ID!): Boolean!
  }

  input NotificationTemplateInput {
    status: String!
    "Liquid; variables: order.name, customer.name, status_label, hold_reason, eta, items (title, quantity, shipped, status), tracking (carrier, numbers, url), pickup (address, hours)."
    subject: String!
    body: String!
    enabled: Boolean
  }

  type NotificationTemplate {
    status: String!
    subject: String!
    body: String!
    enabled: Boolean!
    updatedAt: DateTime!
  }

  type NotificationPreview {
    to: String
    subject: String!
    body: String!
  }

  input NotificationSettingsInput {
    "The platform e-mails shipping confirmations itself: fulfillments ask it to and Pressline sends no shipped e-mail."
    platformNotifiesShipping: Boolean
    pickupAddress: String
    pickupHours: String
  }

  type NotificationSettings {
    platformNotifiesShipping: Boolean!
    pickupAddress: String
    pickupHours: String
  }

  type WebhookSubscription {
    id: ID!
    url: String!
    topics: [String!]!
    createdAt: DateTime!
  }

  type CreatedWebhookSubscription {
    subscription: WebhookSubscription!
    "HMAC-SHA256 key: X-Pressline-Hmac-Sha256 is base64(HMAC(secret, raw body)). Shown only now."
    secret: String!
  }
`;
