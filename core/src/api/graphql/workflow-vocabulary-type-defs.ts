export const workflowVocabularyTypeDefs = /* GraphQL */ `
  extend type Query {
    "The words a workflow is written in: the guards, actions, stage categories and customer statuses updateWorkflow accepts."
    workflowVocabulary: WorkflowVocabulary!
  }

  type WorkflowVocabulary {
    guards: [WorkflowTerm!]!
    actions: [WorkflowTerm!]!
    "queued, active, hold, done, cancelled"
    categories: [String!]!
    "The statuses a customer can see, in their usual order."
    customerStatuses: [String!]!
  }

  type WorkflowTerm {
    key: String!
    description: String!
  }
`;
