// Types of the Escalator package: the policy, ticket, decision, diagnostic, scenario and report shapes, and
// every function. The formats are documented in docs/policy-format.md, docs/scenario-format.md, docs/metrics.md.

export type Priority = "critical" | "high" | "medium" | "low";
export type Level = "high" | "medium" | "low";
export type Channel = "email" | "chat" | "phone" | "web" | "social";
export type DecisionKind = "none" | "functional" | "hierarchical" | "automatic";
export type Direction = "functional" | "hierarchical";
export type SlaTarget = "first_response" | "next_update" | "resolution" | "first_assign";
export type WaitState = "waiting_on_customer" | "on_hold" | "waiting_on_third_party";
export type Stage = "trigger" | "rule" | "matrix" | "default";
/** RFC 3339 text such as "2026-03-06T16:55:00Z", or a Date. */
export type InstantInput = string | Date;
/** A duration such as "4h", "1d2h30m", "45m". */
export type DurationText = string;
/** A condition in text form (`category in ["billing","refund"] and amount > 500`) or JSON form. */
export type ConditionInput = string | ConditionJson;
export type ConditionJson =
  | { all: ConditionJson[] }
  | { any: ConditionJson[] }
  | { not: ConditionJson }
  | { field: string; op: string; value?: unknown };

export interface Tier { id: string; name: string; level: number }
export interface Category { id: string; name: string }
export interface Team {
  id: string;
  name: string;
  tier: string;
  /** Categories the team can resolve. */
  handles?: string[];
  agents: number;
  calendar?: string;
  /** The team a hierarchical escalation goes up to. */
  parent?: string;
  hourly_cost?: number;
}
export interface CalendarSpec {
  id: string;
  name?: string;
  time_zone: string;
  always_open?: boolean;
  hours?: { days: string[]; from: string; to: string }[];
  /** Weekly times taken out of `hours`, such as a lunch break. */
  breaks?: { days: string[]; from: string; to: string }[];
  holidays?: { date: string; name?: string }[];
}
export interface PriorityMatrix { high: Record<Level, Priority>; medium: Record<Level, Priority>; low: Record<Level, Priority> }
export interface Trigger { id: string; description?: string; when: ConditionInput; to: string; kind?: Direction; reason?: string }
export interface Rule { id: string; description?: string; when: ConditionInput; to: string; kind?: "none" | "functional" | "hierarchical" }
export interface LadderLevel { to: string; after: DurationText; time?: "business" | "calendar"; kind?: Direction }
/** `category` and `priority` may be "*"; `first` names the team that receives these tickets first. */
export interface MatrixRow { category: string; priority: Priority | "*"; first?: string; levels?: LadderLevel[] }
export interface Targets { first_response: DurationText; next_update?: DurationText; resolution: DurationText; /** An agent picks the ticket up within this. */ first_assign?: DurationText }
export interface SlaPolicy {
  id: string;
  name: string;
  when?: ConditionInput;
  time?: "business" | "calendar";
  calendar?: string;
  pause_when_waiting?: boolean;
  /** Which targets each waiting state holds; replaces `pause_when_waiting` when given. */
  pauses?: Partial<Record<WaitState, SlaTarget[]>>;
  /** A ticket left waiting on the customer this long (calendar time) is closed as resolved. */
  auto_close_after?: DurationText;
  /** Percentages of a target at which a warning fires, e.g. [50, 75]. */
  warnings?: number[];
  targets: Record<Priority, Targets>;
  /** A channel's own targets, in place of the priority's where set (e.g. chat answered within 60s). */
  channels?: Partial<Record<Channel, Partial<Targets>>>;
  breach_ladder?: { target: SlaTarget; after_breach?: DurationText; to: string; action?: "escalate" | "notify"; repeat_every?: DurationText }[];
}
/** A policy document (`schema_version: 1`); see docs/policy-format.md for every field. */
export interface Policy {
  schema_version: 1;
  name: string;
  description?: string;
  tiers: Tier[];
  categories?: Category[];
  teams: Team[];
  calendars?: CalendarSpec[];
  priority_matrix?: PriorityMatrix;
  default_priority?: Priority;
  triggers?: Trigger[];
  routing: { default: string; rules?: Rule[] };
  escalation_matrix?: MatrixRow[];
  sla_policies?: SlaPolicy[];
  /** Sign-offs by amount; see docs/policy-format.md#authorisations. */
  authorisations?: Authorisation[];
}

export interface Ticket {
  id?: string;
  category: string;
  priority?: Priority;
  impact?: Level;
  urgency?: Level;
  channel: Channel;
  segment?: string;
  amount?: number;
  signals?: Partial<Record<"demands_manager" | "abusive" | "threatens_to_leave" | "threatens_review", boolean>>;
  attributes?: Record<string, boolean | number | string>;
}

export interface TraceStep {
  stage: Stage;
  id: string;
  description: string;
  condition: string;
  to: string;
  outcome: "matched" | "failed" | "not_evaluated";
  /** For `failed`: the first condition that failed and the value the ticket had there. */
  saw?: string;
  shadowed_by?: string;
}
export interface PlannedLevel { level: number; at: string; team: string; team_name: string; tier: string; direction: Direction; kind: DecisionKind }
export interface DueTarget { target: SlaTarget; seconds: number; due: string | null; warnings: { percent: number; at: string }[] }
export interface PlannedBreach { target: SlaTarget; at: string; team: string; action: "escalate" | "notify"; repeat_every_seconds: number | null }
export interface SlaPlan {
  policy: string;
  name: string;
  time: "business" | "calendar";
  calendar: string | null;
  /** Every waiting state, with the targets it holds. */
  pauses: Record<WaitState, SlaTarget[]>;
  targets: DueTarget[];
  breach_ladder: PlannedBreach[];
}
/** `compile(policy).route(ticket, at)`: who receives the ticket, why, and when each clock fires. */
export interface Authorisation {
  id: string;
  description?: string;
  /** Categories covered; every category when empty or left out. */
  categories?: string[];
  /** Lowest first: the highest limit the amount is above names the approver team. */
  limits: { above: number; approver: string }[];
}
/** The sign-off a ticket's amount needs before its owner may finish it. */
export interface PlannedApproval {
  authorisation: string;
  description: string;
  amount: number;
  above: number;
  approver: string;
  approver_name: string;
}
export interface Decision {
  team: string;
  team_name: string;
  tier: string;
  tier_name: string;
  tier_level: number;
  kind: DecisionKind;
  decided_by: { stage: Stage; id: string; description: string; condition: string; reason?: string };
  priority: Priority;
  priority_source: "given" | "matrix" | "default";
  ladder: PlannedLevel[];
  sla: SlaPlan | null;
  /** Present when the ticket's amount needs an authorisation's sign-off. */
  approval?: PlannedApproval;
  trace: { steps: TraceStep[] };
  /** The zone the instants are read in: the SLA calendar's, else the receiving team's, else UTC. */
  zone: string;
  /** Each instant of the decision as wall-clock RFC 3339 text in `zone`. */
  local: Record<string, string>;
}
/** `compile(policy).receiver(ticket)`: the cheapest answer, without trace or SLA plan. */
export interface Receiver {
  team: string;
  tier: string;
  kind: DecisionKind;
  stage: Stage;
  rule: string;
  priority: Priority;
  priority_source: "given" | "matrix" | "default";
}
export interface Diagnostic { severity: "error" | "warning" | "info"; code: string; path: string; message: string }
export interface ParsedCondition { text: string; json: ConditionJson; fields: string[] }

/** How often work ends in a question to the customer and how the customer answers (docs/scenario-format.md). */
export interface WaitingRule { ask: number; customer_reply: unknown; never_replies?: number }
/** A simulation scenario; see docs/scenario-format.md for every field. */
export interface Scenario {
  schema_version?: 1;
  name?: string;
  description?: string;
  /** A preset name, or an inline policy; `simulate(policy, …)` replaces it with the policy given. */
  policy?: string | Policy;
  policy_overrides?: { pointer: string; value: unknown }[];
  workload: { start: string; horizon: number; arrivals: unknown; spikes?: unknown[]; [field: string]: unknown };
  mix: { categories: Record<string, number>; [field: string]: unknown };
  staffing?: Record<string, number>;
  handling: { default: unknown; [field: string]: unknown };
  knowledge_base?: unknown;
  abandonment?: unknown;
  /** Agents' questions to the customer: `ask` (probability per piece of work), `customer_reply` (a time distribution), `never_replies`. */
  waiting?: { default: WaitingRule; categories?: Record<string, WaitingRule> };
  seed?: number;
  replications?: number;
}
/** Every metric of one run; see docs/metrics.md. */
export interface Metrics {
  start: string;
  end: string;
  tickets: number;
  tickets_resolved: number;
  tickets_abandoned: number;
  tickets_open_at_end: number;
  escalation: { rate: number | null; [field: string]: unknown };
  first_contact_resolution: { rate: number | null; [field: string]: unknown };
  first_response: Record<string, unknown>;
  resolution: Record<string, unknown>;
  sla: Record<string, unknown>[];
  backlog: Record<string, unknown>;
  teams: Record<string, unknown>[];
  cost: Record<string, unknown>;
  daily: Record<string, unknown>[];
  weekly: Record<string, unknown>[];
  monthly: Record<string, unknown>[];
}
export interface Journey { ticket: Ticket; created_at: string; events: ({ at: string; event: string } & Record<string, unknown>)[] }
export interface SimulationReport {
  start: string;
  end: string;
  replications: number;
  events_processed: number;
  /** One per replication. */
  metrics: Metrics[];
  teams: { id: string; name: string; level: number }[];
  tickets: Record<string, unknown>[];
  flows: { from: string | null; to: string; kind: DecisionKind | null; count: number }[];
  first_response_seconds: number[];
  resolution_seconds: number[];
}
export interface SimulationRun {
  /** Parsed from `reportJson` when first read. */
  readonly report: SimulationReport;
  /** The report as the engine wrote it, to pass on (to a page, a file) without parsing it. */
  readonly reportJson: string;
  /** Ticket `index`'s journey from the first replication. */
  journey(index: number): Journey;
  /** Frees the run's journeys now. */
  free(): void;
}

export class EscalatorError extends Error {
  name: "EscalatorError";
  code: string;
  /** Which input is wrong: "policy", "ticket", "at", "condition", "scenario", "journeys". */
  input: string;
  help: string;
  /** JSON path into that input, e.g. "teams[2].agents". */
  path?: string;
  line?: number;
  column?: number;
  /** Byte span in a condition's text. */
  span?: [number, number];
  /** Every problem, when a policy has several. */
  problems: { code: string; path: string; message: string }[];
}

export interface CompiledPolicy {
  route(ticket: Ticket | string, at?: InstantInput): Decision;
  receiver(ticket: Ticket | string): Receiver;
  slaPlan(ticket: Ticket | string, at?: InstantInput): SlaPlan | null;
  free(): void;
}

/** Reads and compiles a policy; throws EscalatorError with the JSON path of the first problem. */
export function compile(policy: Policy | string): CompiledPolicy;
/** Compiles `policy` and routes one ticket, with the trace. `at` defaults to now. */
export function route(policy: Policy | string, ticket: Ticket | string, at?: InstantInput): Decision;
export function slaPlan(policy: Policy | string, ticket: Ticket | string, at?: InstantInput): SlaPlan | null;
/** Every finding, errors first. Throws only for a document that is not a policy at all. */
export function lint(policy: Policy | string): Diagnostic[];
export function parseCondition(text: string): ParsedCondition;
/** Runs every replication; `onProgress` gets the share done (0–1); `signal` stops it between replications and
 * the promise rejects with `signal.reason` (an AbortError unless another reason was given). `onPartial` gets the
 * run so far after the first replication (and again at most every 250 ms while more remain), to show before the
 * rest refine it: its `journey` opens the first replication's tickets, and once a partial run has been handed
 * out, calling its `free` (or the final run's, which is the same job) releases the job. */
export function simulate(
  policy: Policy | string | null | undefined,
  scenario: Scenario | string,
  options?: {
    onProgress?: (fraction: number) => void;
    onPartial?: (run: SimulationRun, progress: { done: number; of: number }) => void;
    signal?: AbortSignal;
  },
): Promise<SimulationRun>;
/** The metrics of journeys (simulated or imported) over [start, end), by default the span of their events; day,
 * week and month series start at midnight in `zone` (an IANA name or offset; UTC by default). */
export function summarize(journeys: Journey[], period?: { start?: InstantInput; end?: InstantInput; zone?: string }): Metrics;

/** Column names of an event-style CSV no built-in format knows (docs/import.md). */
export interface LogMapping {
  id: string;
  timestamp: string;
  team?: string;
  tier?: string;
  status?: string;
  priority?: string;
  category?: string;
  channel?: string;
}
export interface ImportOptions {
  format?: "servicenow" | "volvo" | "zendesk" | "freshdesk" | "jira";
  mapping?: LogMapping;
  date_order?: "day_first" | "month_first";
  /** Seconds since 1970; timestamps after it are refused as in the future. */
  now?: number;
  /** The zone of times written without an offset, and of the log's days: "Europe/London", "+02:00", "UTC" (default). */
  zone?: string;
}
export interface RowProblem {
  row: number;
  column: string;
  reason: string;
  skipped: boolean;
}
export interface ImportReport {
  summary: {
    format: string;
    format_name: string;
    rows: number;
    rows_used: number;
    rows_skipped: number;
    tickets: number;
    events: number;
    reassignments: number;
    tickets_reassigned: number;
    moves_up: number;
    ping_pong_moves: number;
    tickets_with_ping_pong: number;
    /** The zone times without an offset were read in. */
    zone: string;
    sla_missed: number | null;
    problems: { column: string; reason: string; rows: number; skipped: boolean; first_row: number }[];
    [field: string]: unknown;
  };
  /** The first 500 row problems; `summary.problems` counts them all by column and reason. */
  problems: RowProblem[];
  metrics: Metrics;
}
/** Reads a help desk's ticket log (CSV bytes or text): ServiceNow, Volvo VINST, Zendesk, Freshdesk, Jira,
 * or any event log through `options.mapping`. Throws an EscalatorError when the file is no ticket log. */
export function importLog(bytes: Uint8Array | string, options?: ImportOptions): ImportReport;
export interface HandlingSource {
  /** A policy team's id. */
  team: string;
  /** Stays of the log's tickets with a team of this name (0 when the log never names it). */
  stays: number;
  /** The handling time is fitted to those stays; otherwise the scenario's. */
  time_from_log: boolean;
  /** The resolve probability is the share of those stays that ended resolved; otherwise the scenario's. */
  resolve_from_log: boolean;
}
export interface ReplayResult {
  /** Observed in the log, with SLA compliance measured against the policy's targets. */
  observed: Metrics;
  /** Simulated: the log's own tickets through the policy, one metrics entry per replication. */
  replay: SimulationReport;
  handling: HandlingSource[];
  /** The scenario the replay ran: the log's arrivals, the given scenario for everything else. */
  scenario: Scenario;
}
export interface ScenarioShape {
  /** When the scenario starts; the Monday after the log's last event by default. */
  start?: string;
  /** Days of arrivals (default 28). */
  days?: number;
  /** Traffic multiplier: 1.2 for 20 % more tickets (default 1). */
  growth?: number;
  /** Ids of the policy's teams; a log team of the same name gives its handling. */
  teams?: string[];
}
export interface OpenedLog {
  /** The import report, with a row per ticket, the flows between teams and the time samples. */
  report: ImportReport & { report: SimulationReport };
  /** Ticket `index`'s journey, in the log's order. */
  journey(index: number): Journey;
  /** Replays the log's tickets through `policy` (or the scenario's inline policy), with `scenario` for
   * handling, staffing and everything else the log does not say. */
  replay(policy: Policy | string | null | undefined, scenario: Scenario | string, options?: { onProgress?: (fraction: number) => void }): ReplayResult;
  /** A scenario drawn from the log: arrivals by hour of week, the mix, handling per team. */
  scenario(shape?: ScenarioShape): Scenario;
  /** Frees the log's Wasm memory. */
  free(): void;
}
/** Reads a ticket log once and keeps it, to open its journeys, replay it or draw a scenario from it. */
export function openLog(bytes: Uint8Array | string, options?: ImportOptions, hooks?: { onProgress?: (fraction: number) => void }): OpenedLog;
/** The columns of a CSV file's header and a first guess at their mapping, to choose `ImportOptions.mapping`
 * for an export no built-in format knows. */
export function logColumns(bytes: Uint8Array | string): { columns: string[]; suggestion: LogMapping };
