export const splitRulesTypeDefs = /* GraphQL */ `
  extend type Query {
    "How the shop's orders become jobs, in the order the rules are tried. Empty: one job per line."
    splitRules: [SplitRule!]!
  }

  extend type Mutation {
    "Replaces the shop's split rules (orders already split keep their jobs). BAD_REQUEST names every bad field, e.g. rules.1.mode; nothing is saved then."
    saveSplitRules(rules: [SplitRuleInput!]!): [SplitRule!]!
  }

  "Every given field must equal the line's; none given matches every line."
  type SplitRuleMatch {
    sku: String
    productExternalId: ID
    variantExternalId: ID
  }

  type SplitRule {
    match: SplitRuleMatch!
    "per_line (one job per line, capped by maxUnitsPerJob), per_unit (one job per unit) or combine (every matching line of an order in one job, capped by maxUnitsPerJob)"
    mode: String!
    "per_line and combine: the most units one job holds; the rest go to further jobs."
    maxUnitsPerJob: Int
  }

  input SplitRuleMatchInput {
    sku: String
    productExternalId: ID
    variantExternalId: ID
  }

  input SplitRuleInput {
    match: SplitRuleMatchInput!
    "per_line, per_unit or combine"
    mode: String!
    maxUnitsPerJob: Int
  }
`;
