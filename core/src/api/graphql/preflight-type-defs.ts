export const preflightTypeDefs = /* GraphQL */ `
  "Any JSON value (facts, rules)."
  scalar JSON
  "A file sent as a multipart request (GraphQL multipart request spec)."
  scalar File

  extend type Query {
    "The shop's production profiles in matching order."
    productionProfiles: [ProductionProfile!]!
    "The preflight rules a process gets when a profile sets none (what an empty field in the profile editor means)."
    processDefaults(process: String!): JSON!
  }

  extend type Mutation {
    "Adds a file to a job (or replaces one of its files); it is checked by preflight at once."
    uploadJobFile(
      jobId: ID!
      file: File!
      "A file of the job this one replaces."
      replaces: ID
      "design (default), proof (the customer approves it on the storefront) or photo (progress / completion, shown to the customer)."
      role: JobFileRole = DESIGN
    ): JobFile!
    "Accepts an open warning of a file's current report (audited). Errors cannot be accepted (BAD_REQUEST)."
    acceptPreflightWarning(jobId: ID!, fileId: ID!, code: String!, note: String): JobFile!
    "Creates (no id) or changes a production profile; the shop's unfinished jobs' files are re-checked."
    saveProductionProfile(input: ProductionProfileInput!): ProductionProfile!
    "Hides the profile (soft delete); its lines fall to the next matching profile and unfinished jobs' files are re-checked."
    deleteProductionProfile(id: ID!): Boolean!
    "Swaps the profile with its neighbour in matching order; returns the shop's profiles in their new order."
    moveProductionProfile(id: ID!, direction: ProfileMoveDirection!): [ProductionProfile!]!
  }

  enum ProfileMoveDirection {
    UP
    DOWN
  }

  enum PreflightStatus {
    "Not checked yet, being fetched or checked, or changed since its last check."
    PENDING
    PASSED
    WARNINGS
    FAILED
  }

  type Finding {
    "Stable, e.g. image.low_resolution, pdf.bleed_missing, mesh.not_watertight."
    code: String!
    "error, warning or info"
    severity: String!
    message: String!
    fix: String
    page: Int
    object: String
  }

  type PreflightReport {
    status: PreflightStatus!
    errors: [Finding!]!
    "Open warnings; accepted ones are listed under accepted."
    warnings: [Finding!]!
    infos: [Finding!]!
    accepted: [Finding!]!
    "What the inspector read: pages, sizes in mm, fonts, images and their ppi; triangles, boundingBoxMm, volumeMm3, watertight…"
    facts: JSON
    checkedAt: DateTime
    profile: ProductionProfile
  }

  type JobFile {
    "The file's id."
    id: ID!
    name: String!
    "pdf, ai, svg, stl, obj, 3mf, dxf, png, jpeg or tiff, once known."
    kind: String
    "storefront, operator or customer"
    source: String!
    "pending (not fetched yet), stored or unavailable"
    status: String!
    "Why a linked file could not be fetched."
    failure: String
    sizeBytes: Float
    "design, proof or photo"
    role: String!
    orderLine: OrderLine
    "A PNG preview as a data: URL (a PDF's first page, a drawing, a shaded mesh); drawn without running anything from the file. Null until checked or when it cannot be drawn."
    thumbnail: String
    preflight: PreflightReport!
  }

  extend type Job {
    "The job's current files with their preflight reports."
    files: [JobFile!]!
    "FAILED if any file has errors, else PENDING if any is unchecked, else WARNINGS if any has open warnings, else PASSED."
    preflightStatus: PreflightStatus!
  }

  type ProfileMatch {
    sku: String
    productExternalId: ID
    variantExternalId: ID
  }

  type ProductionProfile {
    id: ID!
    name: String!
    "digital_press, large_format, label_roll, fdm, sla, laser, cnc or bench"
    process: String!
    material: String
    finishing: String
    matches: [ProfileMatch!]!
    "The profile's own settings (what differs from the process's defaults)."
    overrides: JSON!
    "The full preflight rules in force: the process's defaults under the overrides."
    rules: JSON!
    gangable: Boolean!
    position: Int!
  }

  input ProfileMatchInput {
    "A SKU, or * for every line."
    sku: String
    productExternalId: ID
    variantExternalId: ID
  }

  input ProductionProfileInput {
    id: ID
    name: String!
    process: String!
    material: String
    finishing: String
    matches: [ProfileMatchInput!]!
    "Preflight rules that differ from the process's defaults, e.g. { trimMm: { width: 85, height: 55 }, minBleedMm: 2 }."
    rules: JSON
    gangable: Boolean
    position: Int
  }

  enum JobFileRole {
    DESIGN
    PROOF
    PHOTO
  }
`;
