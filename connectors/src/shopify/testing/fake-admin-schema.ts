import { buildSchema, type GraphQLSchema } from 'graphql';

/**
 * The slice of Shopify's GraphQL Admin API (2026-10) that Pressline uses, written from
 * shopify.dev's reference: names, nullability and arguments as documented. Queries are
 * validated against it, so a misspelt or undocumented field fails here as it would at
 * Shopify. Extend it from the reference, never from what a test happens to need.
 */
const SDL = /* GraphQL */ `
  schema {
    query: QueryRoot
    mutation: Mutation
  }

  scalar DateTime
  scalar Decimal
  scalar URL
  scalar UnsignedInt64

  interface Node {
    id: ID!
  }

  type PageInfo {
    hasNextPage: Boolean!
    hasPreviousPage: Boolean!
    startCursor: String
    endCursor: String
  }

  enum CurrencyCode {
    AED AUD BHD BRL CAD CHF CLP CNY CZK DKK EUR GBP HKD HUF IDR ILS INR ISK JOD JPY KRW KWD
    MXN MYR NOK NZD OMR PHP PLN QAR RON SAR SEK SGD THB TND TRY TWD UAH USD VND XAF XOF ZAR
  }

  # A subset of the documented CountryCode values, as for CurrencyCode.
  enum CountryCode {
    AE AR AT AU BE BG BR CA CH CL CN CO CY CZ DE DK EE ES FI FR GB GR HK HR HU IE IL IN IS IT JP KR
    LT LU LV MT MX MY NL NO NZ PH PL PT RO SA SE SG SI SK TH TR TW UA US VN ZA ZZ
  }

  enum OrderDisplayFinancialStatus {
    AUTHORIZED
    EXPIRED
    PAID
    PARTIALLY_PAID
    PARTIALLY_REFUNDED
    PENDING
    REFUNDED
    VOIDED
  }

  enum OrderSortKeys {
    CREATED_AT
    CUSTOMER_NAME
    DESTINATION
    FINANCIAL_STATUS
    FULFILLMENT_STATUS
    ID
    ORDER_NUMBER
    PO_NUMBER
    PROCESSED_AT
    RELEVANCE
    TOTAL_ITEMS_QUANTITY
    TOTAL_PRICE
    UPDATED_AT
  }

  enum FulfillmentStatus {
    CANCELLED
    ERROR
    FAILURE
    SUCCESS
    OPEN
    PENDING
  }

  enum FulfillmentOrderStatus {
    CANCELLED
    CLOSED
    INCOMPLETE
    IN_PROGRESS
    ON_HOLD
    OPEN
    SCHEDULED
  }

  enum DraftOrderStatus {
    COMPLETED
    INVOICE_SENT
    OPEN
  }

  enum MetafieldsSetUserErrorCode {
    APP_NOT_AUTHORIZED
    BLANK
    DISALLOWED_OWNER_TYPE
    INCLUSION
    INTERNAL_ERROR
    INVALID
    INVALID_COMPARE_DIGEST
    INVALID_TYPE
    INVALID_VALUE
    LESS_THAN_OR_EQUAL_TO
    PRESENT
    STALE_OBJECT
    TAKEN
    TOO_LONG
    TOO_SHORT
  }

  type MoneyV2 {
    amount: Decimal!
    currencyCode: CurrencyCode!
  }

  type MoneyBag {
    shopMoney: MoneyV2!
    presentmentMoney: MoneyV2!
  }

  type Attribute {
    key: String!
    value: String
  }

  type CustomerEmailAddress {
    emailAddress: String
  }

  type Customer implements Node {
    id: ID!
    legacyResourceId: UnsignedInt64!
    firstName: String
    lastName: String
    displayName: String!
    defaultEmailAddress: CustomerEmailAddress
  }

  type MailingAddress implements Node {
    id: ID!
    name: String
    firstName: String
    lastName: String
    company: String
    address1: String
    address2: String
    city: String
    province: String
    provinceCode: String
    zip: String
    country: String
    countryCodeV2: CountryCode
    phone: String
    formattedArea: String
  }

  type ShippingLine {
    id: ID
    title: String!
    code: String
    source: String
    carrierIdentifier: String
    custom: Boolean!
    originalPriceSet: MoneyBag!
  }

  type Product implements Node {
    id: ID!
    legacyResourceId: UnsignedInt64!
    title: String!
  }

  type ProductVariant implements Node {
    id: ID!
    legacyResourceId: UnsignedInt64!
    title: String!
    sku: String
  }

  type LineItem implements Node {
    id: ID!
    name: String!
    title: String!
    variantTitle: String
    sku: String
    quantity: Int!
    currentQuantity: Int!
    unfulfilledQuantity: Int!
    requiresShipping: Boolean!
    originalUnitPriceSet: MoneyBag!
    customAttributes: [Attribute!]!
    variant: ProductVariant
    product: Product
  }

  type LineItemEdge {
    cursor: String!
    node: LineItem!
  }

  type LineItemConnection {
    edges: [LineItemEdge!]!
    nodes: [LineItem!]!
    pageInfo: PageInfo!
  }

  type Metafield implements Node {
    id: ID!
    namespace: String!
    key: String!
    value: String!
    type: String!
    compareDigest: String!
    createdAt: DateTime!
    updatedAt: DateTime!
  }

  type FulfillmentTrackingInfo {
    company: String
    number: String
    url: URL
  }

  type FulfillmentLineItem implements Node {
    id: ID!
    quantity: Int
    lineItem: LineItem!
  }

  type FulfillmentLineItemEdge {
    cursor: String!
    node: FulfillmentLineItem!
  }

  type FulfillmentLineItemConnection {
    edges: [FulfillmentLineItemEdge!]!
    nodes: [FulfillmentLineItem!]!
    pageInfo: PageInfo!
  }

  type Fulfillment implements Node {
    id: ID!
    legacyResourceId: UnsignedInt64!
    name: String!
    status: FulfillmentStatus!
    createdAt: DateTime!
    updatedAt: DateTime!
    totalQuantity: Int!
    order: Order!
    trackingInfo(first: Int): [FulfillmentTrackingInfo!]!
    fulfillmentLineItems(first: Int, after: String, last: Int, before: String, reverse: Boolean = false): FulfillmentLineItemConnection!
  }

  type FulfillmentOrderLineItem implements Node {
    id: ID!
    totalQuantity: Int!
    remainingQuantity: Int!
    lineItem: LineItem!
  }

  type FulfillmentOrderLineItemEdge {
    cursor: String!
    node: FulfillmentOrderLineItem!
  }

  type FulfillmentOrderLineItemConnection {
    edges: [FulfillmentOrderLineItemEdge!]!
    nodes: [FulfillmentOrderLineItem!]!
    pageInfo: PageInfo!
  }

  type FulfillmentOrder implements Node {
    id: ID!
    status: FulfillmentOrderStatus!
    lineItems(first: Int, after: String, last: Int, before: String, reverse: Boolean = false): FulfillmentOrderLineItemConnection!
  }

  type FulfillmentOrderEdge {
    cursor: String!
    node: FulfillmentOrder!
  }

  type FulfillmentOrderConnection {
    edges: [FulfillmentOrderEdge!]!
    nodes: [FulfillmentOrder!]!
    pageInfo: PageInfo!
  }

  type Order implements Node {
    id: ID!
    legacyResourceId: UnsignedInt64!
    name: String!
    email: String
    note: String
    tags: [String!]!
    createdAt: DateTime!
    updatedAt: DateTime!
    processedAt: DateTime!
    cancelledAt: DateTime
    currencyCode: CurrencyCode!
    displayFinancialStatus: OrderDisplayFinancialStatus
    totalPriceSet: MoneyBag!
    customer: Customer
    shippingAddress: MailingAddress
    shippingLine: ShippingLine
    lineItems(first: Int, after: String, last: Int, before: String, reverse: Boolean = false): LineItemConnection!
    fulfillments(first: Int): [Fulfillment!]!
    fulfillmentOrders(
      first: Int
      after: String
      last: Int
      before: String
      reverse: Boolean = false
      displayable: Boolean = false
      query: String
    ): FulfillmentOrderConnection!
    metafield(namespace: String, key: String!): Metafield
  }

  type OrderEdge {
    cursor: String!
    node: Order!
  }

  type OrderConnection {
    edges: [OrderEdge!]!
    nodes: [Order!]!
    pageInfo: PageInfo!
  }

  type DraftOrderLineItem implements Node {
    id: ID!
    name: String!
    title: String!
    variantTitle: String
    sku: String
    quantity: Int!
    custom: Boolean!
    requiresShipping: Boolean!
    variant: ProductVariant
    customAttributes: [Attribute!]!
    originalUnitPriceSet: MoneyBag!
  }

  type DraftOrderLineItemEdge {
    cursor: String!
    node: DraftOrderLineItem!
  }

  type DraftOrderLineItemConnection {
    edges: [DraftOrderLineItemEdge!]!
    nodes: [DraftOrderLineItem!]!
    pageInfo: PageInfo!
  }

  type DraftOrder implements Node {
    id: ID!
    legacyResourceId: UnsignedInt64!
    name: String!
    status: DraftOrderStatus!
    invoiceUrl: URL
    email: String
    note2: String
    tags: [String!]!
    customer: Customer
    createdAt: DateTime!
    lineItems(first: Int, after: String, last: Int, before: String, reverse: Boolean = false): DraftOrderLineItemConnection!
  }

  type QueryRoot {
    order(id: ID!): Order
    orders(
      first: Int
      after: String
      last: Int
      before: String
      reverse: Boolean = false
      sortKey: OrderSortKeys = PROCESSED_AT
      query: String
      savedSearchId: ID
    ): OrderConnection!
    draftOrder(id: ID!): DraftOrder
    fulfillment(id: ID!): Fulfillment
    node(id: ID!): Node
  }

  type UserError {
    field: [String!]
    message: String!
  }

  type MetafieldsSetUserError {
    code: MetafieldsSetUserErrorCode
    elementIndex: Int
    field: [String!]
    message: String!
  }

  input AttributeInput {
    key: String!
    value: String!
  }

  input MoneyInput {
    amount: Decimal!
    currencyCode: CurrencyCode!
  }

  input FulfillmentOrderLineItemInput {
    id: ID!
    quantity: Int!
  }

  input FulfillmentOrderLineItemsInput {
    fulfillmentOrderId: ID!
    fulfillmentOrderLineItems: [FulfillmentOrderLineItemInput!]
  }

  input FulfillmentTrackingInput {
    company: String
    number: String
    numbers: [String!]
    url: URL
    urls: [URL!]
  }

  input FulfillmentOriginAddressInput {
    address1: String
    address2: String
    city: String
    countryCode: String!
    provinceCode: String
    zip: String
  }

  input FulfillmentInput {
    lineItemsByFulfillmentOrder: [FulfillmentOrderLineItemsInput!]!
    notifyCustomer: Boolean = false
    originAddress: FulfillmentOriginAddressInput
    trackingInfo: FulfillmentTrackingInput
  }

  input MetafieldsSetInput {
    ownerId: ID!
    namespace: String
    key: String!
    value: String!
    type: String
    compareDigest: String
  }

  input OrderInput {
    id: ID!
    email: String
    note: String
    tags: [String!]
    customAttributes: [AttributeInput!]
  }

  input PurchasingEntityInput {
    customerId: ID
  }

  input DraftOrderLineItemInput {
    variantId: ID
    quantity: Int!
    title: String
    sku: String
    taxable: Boolean
    requiresShipping: Boolean
    originalUnitPriceWithCurrency: MoneyInput
    customAttributes: [AttributeInput!]
  }

  input DraftOrderInput {
    lineItems: [DraftOrderLineItemInput!]
    email: String
    note: String
    tags: [String!]
    customAttributes: [AttributeInput!]
    purchasingEntity: PurchasingEntityInput
  }

  type FulfillmentCreatePayload {
    fulfillment: Fulfillment
    userErrors: [UserError!]!
  }

  type FulfillmentTrackingInfoUpdatePayload {
    fulfillment: Fulfillment
    userErrors: [UserError!]!
  }

  type TagsAddPayload {
    node: Node
    userErrors: [UserError!]!
  }

  type TagsRemovePayload {
    node: Node
    userErrors: [UserError!]!
  }

  type MetafieldsSetPayload {
    metafields: [Metafield!]
    userErrors: [MetafieldsSetUserError!]!
  }

  type OrderUpdatePayload {
    order: Order
    userErrors: [UserError!]!
  }

  type DraftOrderCreatePayload {
    draftOrder: DraftOrder
    userErrors: [UserError!]!
  }

  type Mutation {
    fulfillmentCreate(fulfillment: FulfillmentInput!, message: String): FulfillmentCreatePayload
    fulfillmentTrackingInfoUpdate(
      fulfillmentId: ID!
      trackingInfoInput: FulfillmentTrackingInput!
      notifyCustomer: Boolean
    ): FulfillmentTrackingInfoUpdatePayload
    tagsAdd(id: ID!, tags: [String!]!): TagsAddPayload
    tagsRemove(id: ID!, tags: [String!]!): TagsRemovePayload
    metafieldsSet(metafields: [MetafieldsSetInput!]!): MetafieldsSetPayload
    orderUpdate(input: OrderInput!): OrderUpdatePayload
    draftOrderCreate(input: DraftOrderInput!): DraftOrderCreatePayload
  }
`;

let schema: GraphQLSchema | undefined;

export function adminSchema(): GraphQLSchema {
  schema ??= buildSchema(SDL);
  return schema;
}
