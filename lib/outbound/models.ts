/**
 * Cross-tenant sync configurations as the dashboard shows them: a service principal made from the
 * cross-tenant sync template, its one job, and the tenant its CompanyId secret names. App types:
 * Graph's wire shapes stay in lib/graph.
 */
import type { AppError } from "@/lib/core/result";

/** Application template of every cross-tenant sync configuration (graph-api.md, "the source side"). */
export const CROSS_TENANT_SYNC_TEMPLATE_ID = "518e5f48-1fc8-4c48-9387-9fdf28b0dfe7";

export type JobStatusCode = "NotConfigured" | "NotRun" | "Active" | "Paused" | "Quarantine" | string;
export type ScheduleState = "Active" | "Disabled" | "Paused" | string;
export type ExecutionState = "Succeeded" | "Failed" | "EntryLevelErrors" | string;

export interface SyncJobError {
  code: string;
  message: string;
}

export interface SyncExecution {
  /** null when the job never ran (Graph says 0001-01-01). */
  timeBegan: string | null;
  timeEnded: string | null;
  state: ExecutionState;
  countEntitled: number;
  countEscrowed: number;
  countExported: number;
  /** null for Graph's `"None"` placeholder. */
  error: SyncJobError | null;
}

export interface SyncQuarantine {
  reason: string;
  currentBegan: string | null;
  seriesBegan: string | null;
  nextAttempt: string | null;
  seriesCount: number;
  error: SyncJobError | null;
}

export interface SyncJob {
  id: string;
  scheduleState: ScheduleState;
  code: JobStatusCode;
  lastExecution: SyncExecution | null;
  quarantine: SyncQuarantine | null;
  /** Users in the target (synchronizedEntryCountByType), null when Graph gives none. */
  usersInSync: number | null;
  /** The accidental-deletion threshold (QuarantineTooManyDeletesThreshold), null when unset. */
  deleteThreshold: number | null;
}

/** One configuration as the list first shows it (a page of service principals). */
export interface SyncConfiguration {
  servicePrincipalId: string;
  displayName: string | null;
}

/** What the $batch of one configuration's job and secrets said. */
export interface SyncConfigurationJob {
  servicePrincipalId: string;
  /** null when the configuration has no job yet, or it could not be read (readError). */
  job: SyncJob | null;
  /** CompanyId of the secrets: the tenant the users go to. */
  targetTenantId: string | null;
  readError: AppError | null;
}

/** The list's read of one configuration's job (its status), apart from its secrets: readError is this read's own. */
export type ConfigurationJobRead = Pick<SyncConfigurationJob, "servicePrincipalId" | "job" | "readError">;
/** The list's read of one configuration's secrets (its target), apart from its job: readError is this read's own. */
export type ConfigurationTargetRead = Pick<SyncConfigurationJob, "servicePrincipalId" | "targetTenantId" | "readError">;

/** The Outbound list streams: a page of configurations, then their jobs (statuses), then their secrets (targets). */
export type OutboundListPart =
  | { kind: "configurations"; items: SyncConfiguration[] }
  | { kind: "jobs"; items: ConfigurationJobRead[] }
  | { kind: "targets"; items: ConfigurationTargetRead[] };

export interface SyncConfigurationDetail extends SyncConfigurationJob {
  configuration: SyncConfiguration | null;
}

export interface DirectoryUser {
  id: string;
  displayName: string | null;
  userPrincipalName: string | null;
}

/** The documented resetScope flags of restart, in the order the UI offers them. */
export const RESTART_SCOPES = ["QuarantineState", "Watermark", "Escrows", "ForceDeletes"] as const;
export type RestartScope = (typeof RESTART_SCOPES)[number];

export interface ProvisionStep {
  name: string;
  type: string;
  status: string;
  description: string;
}

export interface ProvisionOnDemandResult {
  /** Success, Skipped or Failure. */
  result: string;
  action: string | null;
  steps: ProvisionStep[];
  errorCode: string | null;
  reason: string | null;
  userDisplayName: string | null;
}
