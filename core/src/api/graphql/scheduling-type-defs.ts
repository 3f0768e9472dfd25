export const schedulingTypeDefs = /* GraphQL */ `
  extend type Query {
    "The shop's machines (presses, printers, lasers, CNC, benches)."
    machines: [Machine!]!
    machine(id: ID!): Machine
    "Jobs waiting for a machine that the schedule could not place, with the reason."
    unscheduledJobs: [UnscheduledJob!]!
    "Changeover minutes between setup families: { fromFamily: { toFamily: minutes } }."
    setupMatrix: JSON!
  }

  extend type Mutation {
    "Creates (no id) or changes a machine; BAD_REQUEST names each invalid field. The shop is re-planned."
    saveMachine(input: MachineInput!): Machine!
    "Up, down or in maintenance, with a reason; a machine that is not up gives its queue to other machines."
    setMachineState(id: ID!, state: MachineState!, reason: String): Machine!
    deleteMachine(id: ID!): Boolean!
    "Operator pin: the job is planned on this machine only."
    pinJob(jobId: ID!, machineId: ID!): Job!
    unpinJob(jobId: ID!): Job!
    "Locks the machine's queue in its current planned order (new jobs may only follow); unlocking hands the queue back to the scheduler (lock and dragged order go)."
    lockMachineSequence(machineId: ID!, locked: Boolean!): Machine!
    "Puts a waiting job at a position of a machine's queue (0 = next after the running job); the queue keeps that order."
    moveJobInQueue(jobId: ID!, machineId: ID!, position: Int!): Machine!
    "Due date, rush and priority of a job (what lateness is weighed by)."
    updateJobSchedule(jobId: ID!, input: JobScheduleInput!): Job!
    "The date promised to the customer (null clears it)."
    setOrderPromise(orderId: ID!, promisedAt: DateTime): Order!
    "The scheduling side of a production profile: time model, capabilities a machine needs, setup family."
    setProfileScheduling(profileId: ID!, input: ProfileSchedulingInput!): ProductionProfile!
    "Replaces the changeover matrix between setup families (minutes)."
    saveSetupMatrix(matrix: JSON!): JSON!
  }

  enum MachineState {
    UP
    DOWN
    MAINTENANCE
  }

  type Machine {
    id: ID!
    name: String!
    "digital_press, large_format, label_roll, fdm, sla, laser, cnc or bench"
    processes: [String!]!
    "Empty: any material of its processes."
    materials: [String!]!
    capabilities: [String!]!
    "{ width, height } (sheet) or { x, y, z } (build volume) in mm."
    maxSizeMm: JSON
    "Minutes on this machine per time-model minute."
    timeFactor: Float!
    "{ utcOffsetMinutes, shifts: [{ days: [0..6, 0 = Monday], from: HH:MM, to: HH:MM }], closed: [{ from, to, reason }] }; null: always working."
    calendar: JSON
    state: MachineState!
    stateReason: String
    stateChangedAt: DateTime
    "True when the operator locked the queue's order."
    sequenceLocked: Boolean!
    "The machine's planned jobs: the running one first, then in planned order."
    queue: [QueuedJob!]!
    deletedAt: DateTime
  }

  type QueuedJob {
    job: Job!
    sequence: Int
    plannedStart: DateTime!
    plannedEnd: DateTime!
    "Changeover before the job."
    setupMinutes: Int
    durationMinutes: Int
    running: Boolean!
  }

  type UnscheduledJob {
    job: Job!
    "no-production-profile, interrupted (its machine stopped mid-run), no-compatible-machine, no-machine-up, pinned-machine-unknown, pinned-machine-down, pinned-machine-incompatible, lock-conflict, no-working-time, invalid-job"
    reason: String!
    detail: String!
  }

  input MachineInput {
    id: ID
    name: String!
    processes: [String!]!
    materials: [String!]
    capabilities: [String!]
    maxSizeMm: JSON
    timeFactor: Float
    calendar: JSON
  }

  input JobScheduleInput {
    dueAt: DateTime
    rush: Boolean
    "1 normal, higher more important."
    priority: Int
  }

  input ProfileSchedulingInput {
    "{ setupMinutes, minutesPerUnit, minutesPerSquareMeter?, minutesPerCubicCm? }; null: a stand-in duration."
    timeModel: JSON
    requiredCapabilities: [String!]
    setupFamily: String
  }

  extend type Job {
    plannedStart: DateTime
    plannedEnd: DateTime
    "When the job is planned to be done (its planned end)."
    eta: DateTime
    "The machine the job is planned on (or ran on)."
    machine: Machine
    pinnedMachine: Machine
    rush: Boolean!
    priority: Int!
    "Planned working minutes (setup excluded)."
    durationMinutes: Int
    "profile (its time model) or default (the profile has no time model: a stand-in duration)."
    durationSource: String
    "Why the schedule could not place the job, when it could not."
    unscheduled: UnscheduledJob
  }

  extend type Order {
    "The latest planned end of the order's jobs; null while one of its jobs still to be made is not planned (not scheduled yet, or no machine can make it)."
    eta: DateTime
    promisedAt: DateTime
    "True when the ETA is past the promised date."
    delayed: Boolean!
  }

  extend type ProductionProfile {
    timeModel: JSON
    requiredCapabilities: [String!]!
    setupFamily: String
  }
`;
