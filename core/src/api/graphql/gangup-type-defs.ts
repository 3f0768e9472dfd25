export const gangupTypeDefs = /* GraphQL */ `
  extend type Query {
    "Waiting jobs grouped by what they must share to gang (process, material, finishing, colour, sheet/roll/plate), under the shop's gang rules."
    gangCandidates: GangCandidates!
    gangRun(id: ID!): GangRun
    "The shop's gang runs, newest first."
    gangRuns(status: GangRunStatus, first: Int = 20): [GangRun!]!
    gangRules: GangRules!
  }

  extend type Mutation {
    "Packs the jobs onto shared sheets, a roll or build plates, moves them to the run's stage and imposes the output. BAD_REQUEST names every job that cannot be ganged."
    createGangRun(input: CreateGangRunInput!): GangRun!
    "Operator edits before the run starts; a layout with an overlap, too little gutter or an item off the sheet is refused whole (BAD_REQUEST)."
    updateGangRunPlacements(id: ID!, changes: [PlacementChangeInput!]!): GangRun!
    "Takes an order line out of a planned run, re-packing the rest or leaving the hole."
    removeOrderLineFromGangRun(id: ID!, orderLineId: ID!, repack: Boolean = true): GangRun!
    "Imposes the run's current layout if it has no output yet (a cancelled order left holes in it)."
    imposeGangRun(id: ID!): GangRun!
    "Starts the run (imposing its layout if needed): its jobs move into production."
    startGangRun(id: ID!): GangRun!
    "Finishes the run: every placed copy counts as made and its jobs move on."
    finishGangRun(id: ID!): GangRun!
    cancelGangRun(id: ID!): GangRun!
    "Records copies a finished run spoiled; their lines owe them again (a later run remakes them)."
    recordGangRunResult(id: ID!, spoiled: [SpoiledCopiesInput!]!, note: String): GangRun!
    saveGangRules(input: GangRulesInput!): GangRules!
  }

  enum GangRunStatus {
    PLANNED
    RUNNING
    FINISHED
    CANCELLED
  }

  type GangRules {
    "Jobs due within this many days of the group's most urgent job may share its run."
    windowDays: Int!
    "include, exclude or first"
    rush: String!
    "The job tag that marks a rush job."
    rushTag: String!
    plannedStage: String!
    runningStage: String!
    finishedStage: String!
  }

  input GangRulesInput {
    windowDays: Int
    rush: String
    rushTag: String
    plannedStage: String
    runningStage: String
    finishedStage: String
  }

  type GangCandidateGroup {
    "sheet, roll or plate"
    targetKind: String!
    process: String!
    material: String
    finishing: String
    colorMode: String!
    "Rush first when the rules say so, then by due date."
    jobs: [Job!]!
  }

  type ExcludedGangJob {
    job: Job!
    "not-gangable, no-profile, no-trim-size, preflight-not-passed, not-waiting, in-run, rush-excluded or outside-window"
    reason: String!
  }

  type GangCandidates {
    groups: [GangCandidateGroup!]!
    excluded: [ExcludedGangJob!]!
  }

  input GangTargetInput {
    "sheet, roll or plate"
    kind: String!
    "mm"
    width: Float!
    "mm; not for a roll"
    height: Float
  }

  input CreateGangRunInput {
    jobIds: [ID!]!
    target: GangTargetInput!
    "Clear space between neighbours' bleed, mm (2 when absent)."
    gutter: Float
    "Bleed kept around every item, mm (the profiles' minimum bleed when absent)."
    bleed: Float
    "Items may be turned by 90°."
    allowRotation: Boolean
  }

  "move: placementId, x, y (sheet, rotated optional); remove: placementId; add: runItemId or jobItemId, sheet, x, y (rotated optional)."
  input PlacementChangeInput {
    kind: String!
    placementId: ID
    runItemId: ID
    jobItemId: ID
    sheet: Int
    x: Float
    y: Float
    rotated: Boolean
  }

  input SpoiledCopiesInput {
    orderLineId: ID!
    copies: Int!
  }

  type GangTarget {
    kind: String!
    width: Float!
    height: Float
  }

  type GangRunItem {
    id: ID!
    job: Job
    orderLine: OrderLine
    "The design file imposed for it."
    fileId: ID
    "Trim size, mm."
    width: Float!
    height: Float!
    copies: Int!
    "Makes up for copies an earlier run spoiled."
    remake: Boolean!
  }

  "One copy's trim box, mm, origin at the sheet's bottom-left corner (a roll's start); its bleed lies around it."
  type GangPlacement {
    id: ID!
    item: GangRunItem!
    job: Job
    orderLine: OrderLine
    copy: Int!
    "0-based; always 0 on a roll."
    sheet: Int!
    x: Float!
    y: Float!
    width: Float!
    height: Float!
    rotated: Boolean!
  }

  type GangRunOutput {
    id: ID!
    "pdf (print sheets), svg (cut outlines) or json (build plates)"
    kind: String!
    sha256: String!
    sizeBytes: Float!
    pages: Int!
    layoutVersion: Int!
  }

  type GangRun {
    id: ID!
    label: String!
    status: GangRunStatus!
    target: GangTarget!
    gutter: Float!
    bleed: Float!
    sheets: Int!
    rollLength: Float
    "Trim area placed / area used, 0–1."
    utilization: Float!
    "Bumped on every change of the layout."
    layoutVersion: Int!
    createdAt: DateTime!
    startedAt: DateTime
    finishedAt: DateTime
    jobs: [Job!]!
    items: [GangRunItem!]!
    placements(sheet: Int): [GangPlacement!]!
    "The imposed output of the current layout."
    outputs: [GangRunOutput!]!
  }

  "What an order line is owed across every gang run that served it."
  type LineProduction {
    ordered: Int!
    "Good copies from finished runs."
    made: Int!
    spoiled: Int!
    "Good copies made by remakes."
    remade: Int!
    "Copies in planned or running runs."
    inProduction: Int!
    "Still to be made: ordered − made."
    owed: Int!
    "Owed and in no run yet."
    unplanned: Int!
  }

  extend type OrderLine {
    production: LineProduction!
  }

  extend type Job {
    "Gang runs that serve this job, newest first."
    gangRuns: [GangRun!]!
  }
`;
