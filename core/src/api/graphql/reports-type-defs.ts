export const reportsTypeDefs = /* GraphQL */ `
  extend type Query {
    "Time jobs spent in each stage (stays that ended in the period; default the last 30 days)."
    stageTimesReport(since: DateTime, until: DateTime): [StageTime!]!
    "Stages holding jobs now, the longest-waiting first, beside their usual p90."
    bottlenecksReport(since: DateTime, until: DateTime): [Bottleneck!]!
    "Machines by backlog: jobs waiting on each and their working minutes now, beside the usual p90 of its production stays."
    machineBottlenecksReport(since: DateTime, until: DateTime): [MachineBottleneck!]!
    "Jobs reaching a done stage per day (UTC)."
    throughputReport(since: DateTime, until: DateTime): [DailyThroughput!]!
    "Jobs with a due date finished by it."
    onTimeReport(since: DateTime, until: DateTime): OnTimeRate!
    "Creation to done, by product."
    turnaroundReport(since: DateTime, until: DateTime): [Turnaround!]!
  }

  type StageTime {
    stage: String!
    count: Int!
    medianSeconds: Float!
    p90Seconds: Float!
    totalSeconds: Float!
  }

  type Bottleneck {
    stage: String!
    waiting: Int!
    oldestWaitingSeconds: Float!
    p90Seconds: Float!
  }

  type MachineBottleneck {
    machine: Machine!
    waiting: Int!
    backlogMinutes: Int!
    "Null when none of its jobs finished a production stage in the period."
    p90ProductionSeconds: Float
  }

  type DailyThroughput {
    "YYYY-MM-DD"
    day: String!
    jobs: Int!
  }

  type OnTimeRate {
    finished: Int!
    onTime: Int!
    "onTime / finished; null when nothing with a due date finished."
    rate: Float
  }

  type Turnaround {
    product: String!
    jobs: Int!
    medianSeconds: Float!
    p90Seconds: Float!
  }
`;
