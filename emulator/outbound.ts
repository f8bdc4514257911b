/**
 * The source side of cross-tenant synchronization: configurations (service
 * principals from the cross-tenant sync template) with their job, secrets and
 * users in scope, the home tenant's users, each partner tenant's own inbound
 * settings for us, and the provisioning log. The engine runs cycles like the
 * provisioning service: every 40 minutes of the emulator clock and at once
 * after start or restart, checks automatic redemption and the target's inbound
 * settings, provisions the users in scope, holds deletions over the threshold,
 * and enters and leaves quarantine with the documented back-off.
 */
import { randomUUID } from "node:crypto";
import { DAY_MS } from "./clock";
import { deterministicGuid } from "./guid";

export const CROSS_TENANT_SYNC_TEMPLATE_ID = "518e5f48-1fc8-4c48-9387-9fdf28b0dfe7";
export const SYNC_JOB_TEMPLATE_ID = "Azure2Azure";
export const SYNC_INTERVAL_MS = 40 * 60 * 1000;
/** Graph's "never" for steady-state times. */
export const NEVER = "0001-01-01T00:00:00Z";
/** A quarantine older than this disables the job. */
export const QUARANTINE_DISABLE_MS = 28 * DAY_MS;
export const DEFAULT_DELETE_THRESHOLD = 500;
export const PROVISIONING_RETENTION_MS = 30 * DAY_MS;
/** The "User" app role every assignment of a cross-tenant sync configuration carries. */
export const SYNC_USER_ROLE_ID = deterministicGuid("emulator-cross-tenant-sync-user-role");
export const USER_INBOUND_USER_RULE_ID = deterministicGuid("emulator-cross-tenant-sync-rule-USER_INBOUND_USER");
export const SOURCE_SYSTEM = "Azure Active Directory";
export const TARGET_SYSTEM = "Azure Active Directory (target tenant)";
export const PROVISIONING_SERVICE = "Azure AD Provisioning Service";
/** Secret keys answered in clear by GET .../synchronization/secrets; every other value reads "*". */
export const READABLE_SECRETS = ["CompanyId", "AuthenticationType", "SyncNotificationSettings", "SyncAll"];

export interface DocumentedSyncError {
  reason: string;
  fix: string;
  /** Graph files every documented code as a failure the tenant fixes, not the service's own. */
  category: "NonServiceFailure";
}

/** The documented error codes of cross-tenant sync (graph-api.md), with what they mean and the fix. */
const SYNC_ERROR_CODES: Readonly<Record<string, Omit<DocumentedSyncError, "category">>> = {
  AzureDirectoryB2BManagementPolicyCheckFailure: {
    reason: "Automatic user consent (automatic redemption) is not enabled on both sides: the source's outbound setting and the target's inbound setting must both be on.",
    fix: "Turn on outbound automatic redemption for the target in the source tenant, and inbound automatic redemption for the source in the target tenant.",
  },
  AzureActiveDirectoryCrossTenantSyncPolicyCheckFailure: {
    reason: "The target tenant does not allow users to be synchronized in from this tenant.",
    fix: "In the target tenant, allow user synchronization into the tenant (userSyncInbound.isSyncAllowed) for the source.",
  },
  ExternalTenantNotFound: { reason: "The target tenant could not be found.", fix: "Check the tenant id (CompanyId) of the configuration." },
  AzureActiveDirectoryTokenExpired: { reason: "Cross-cloud synchronization is not enabled.", fix: "Enable it in the target's Microsoft cloud settings." },
  AzureActiveDirectoryQuotaLimitExceeded: { reason: "The target directory has reached its object quota.", fix: "Raise the target's directory quota." },
  InvitationCreationFailureAmbiguousUser: {
    reason: "A proxy address of the user matches an internal user of the target tenant.",
    fix: "Remove the clashing address in the target, or remove the user from the configuration's scope.",
  },
  InvitationCreationFailureInvalidPropertyValue: {
    reason: "The user's primary SMTP address is invalid, userType is neither Guest nor Member, or the mail collides with a group in the target.",
    fix: "Fix the attribute mapping or the user's address.",
  },
  InvitationCreationFailureUserAccountDisabled: { reason: "The user is disabled in the target tenant with a pending invitation.", fix: "Enable the user in the target, then provision again." },
  AzureActiveDirectoryForbidden: { reason: "The target tenant does not let anyone invite guests.", fix: "Relax the target's external collaboration settings." },
  AzureActiveDirectoryInsufficientRights: { reason: "The B2B user in the target holds an administrator role and cannot be deleted.", fix: "Remove the role from the user in the target." },
  AzureActiveDirectoryCannotUpdateObjectsOriginatedInExternalService: { reason: "The attribute is mastered by another service (Exchange).", fix: "Change it where it is mastered." },
  AzureActiveDirectoryCannotUpdateObjectsMasteredOnPremises: { reason: "The target user is mastered on-premises.", fix: "This cannot be fixed through synchronization." },
  EntityTypeNotSupported: { reason: "Groups only define the scope; they are not provisioned.", fix: "None needed." },
};

/** A documented code's words and category; undefined for any other code (own entries only, so "constructor" is no code). */
export function documentedSyncError(code: string | null | undefined): DocumentedSyncError | undefined {
  const words = code && Object.hasOwn(SYNC_ERROR_CODES, code) ? SYNC_ERROR_CODES[code] : undefined;
  return words ? { ...words, category: "NonServiceFailure" } : undefined;
}

/** Codes a single user can fail with, every cycle, until fixed (the control API sets them). */
export const ENTRY_ERROR_CODES = [
  "InvitationCreationFailureAmbiguousUser",
  "InvitationCreationFailureInvalidPropertyValue",
  "InvitationCreationFailureUserAccountDisabled",
  "AzureActiveDirectoryQuotaLimitExceeded",
  "AzureActiveDirectoryForbidden",
  "AzureActiveDirectoryInsufficientRights",
  "AzureActiveDirectoryCannotUpdateObjectsOriginatedInExternalService",
  "AzureActiveDirectoryCannotUpdateObjectsMasteredOnPremises",
] as const;

export const RESET_SCOPES = ["Escrows", "Watermark", "QuarantineState", "ConnectorDataStore", "Full", "ForceDeletes"] as const;
export type ResetScope = (typeof RESET_SCOPES)[number];

export interface DirectoryUser {
  id: string;
  displayName: string;
  givenName: string;
  surname: string;
  userPrincipalName: string;
  mail: string;
  jobTitle: string | null;
  department: string | null;
  accountEnabled: boolean;
}

export interface SyncError {
  code: string;
  message: string;
  tenantActionable: boolean;
}

export interface SyncExecution {
  activityIdentifier: string | null;
  timeBegan: string;
  timeEnded: string;
  state: "Succeeded" | "Failed" | "EntryLevelErrors";
  countEntitled: number;
  countEntitledForProvisioning: number;
  countEscrowed: number;
  countEscrowedRaw: number;
  countExported: number;
  countExports: number;
  countImported: number;
  countImportedDeltas: number;
  countImportedReferenceDeltas: number;
  error: SyncError | null;
}

export interface SyncQuarantine {
  currentBegan: string;
  nextAttempt: string;
  reason: string;
  seriesBegan: string;
  seriesCount: number;
  error: SyncError;
}

export interface SyncStatus {
  code: "NotConfigured" | "NotRun" | "Active" | "Paused" | "Quarantine";
  countSuccessiveCompleteFailures: number;
  escrowsPruned: boolean;
  lastExecution: SyncExecution | null;
  lastSuccessfulExecution: SyncExecution | null;
  lastSuccessfulExecutionWithExports: SyncExecution | null;
  progress: { completedUnits: number; totalUnits: number; units: string; progressObservationDateTime: string }[];
  quarantine: SyncQuarantine | null;
  steadyStateFirstAchievedTime: string;
  steadyStateLastAchievedTime: string;
  synchronizedEntryCountByType: { key: string; value: number }[];
  troubleshootingUrl: string | null;
}

export interface SyncJobRecord {
  id: string;
  templateId: string;
  schedule: { expiration: string | null; interval: string; state: "Active" | "Disabled" | "Paused" };
  synchronizationJobSettings: { name: string; value: string }[];
  status: SyncStatus;
  /** When the next cycle runs (emulator clock); null while paused or disabled. Not on the wire. */
  nextRunAt: string | null;
}

export interface SyncConfiguration {
  /** The service principal's object id. */
  id: string;
  appId: string;
  displayName: string;
  secrets: { key: string; value: string }[];
  /** Users assigned to the configuration (appRoleAssignedTo): who is in scope. */
  assignments: { id: string; principalId: string; createdDateTime: string }[];
  job: SyncJobRecord | null;
  /** Users provisioned in the target: source user id → target user id. */
  synced: Record<string, string>;
  /** Deletions held back by the accidental-deletion threshold (source user ids). */
  held: string[];
  /** Users that fail every cycle with a documented code (until cleared). */
  entryErrors: Record<string, string>;
  /** Users whose attributes changed since their last export: the next cycle updates them. */
  pendingUpdates: string[];
}

/** What a partner tenant has set up for us in its own directory (the emulator cannot read another tenant through Graph). */
export interface PartnerInbound {
  isSyncAllowed: boolean;
  inboundAllowed: boolean;
}

export type ProvisioningAction = "create" | "update" | "delete" | "stageddelete" | "disable" | "other";
export type ProvisioningResult = "success" | "failure" | "skipped" | "warning";

/** One provisioning log entry, stored compactly; provisioning-logs.ts builds the wire object. */
export interface ProvisioningRecord {
  id: string;
  activityDateTime: string;
  servicePrincipalId: string;
  jobId: string;
  cycleId: string;
  changeId: string;
  action: ProvisioningAction;
  status: ProvisioningResult;
  errorCode: string | null;
  userId: string;
  targetUserId: string | null;
  targetTenantId: string;
  durationInMilliseconds: number;
  /** "system" for cycles, the admin for provision on demand. */
  initiatedBy: { id: string; displayName: string; initiatorType: "system" | "user" | "application" };
}

export interface OutboundState {
  users: DirectoryUser[];
  configurations: SyncConfiguration[];
  partnerInbound: Record<string, PartnerInbound>;
  /** Oldest first. */
  logs: ProvisioningRecord[];
}

export const companyId = (config: SyncConfiguration): string | null =>
  config.secrets.find((s) => s.key === "CompanyId")?.value.toLowerCase() ?? null;

export const jobIdFor = (targetTenantId: string, servicePrincipalId: string) =>
  `${SYNC_JOB_TEMPLATE_ID}.${targetTenantId.replace(/-/g, "")}.${servicePrincipalId.replace(/-/g, "")}`;

export const targetUserId = (configId: string, userId: string) => deterministicGuid(`emulator-target-user-${configId}-${userId}`);

export function emptyExecution(at: string = NEVER): SyncExecution {
  return {
    activityIdentifier: null,
    timeBegan: at,
    timeEnded: at,
    state: "Failed",
    countEntitled: 0,
    countEntitledForProvisioning: 0,
    countEscrowed: 0,
    countEscrowedRaw: 0,
    countExported: 0,
    countExports: 0,
    countImported: 0,
    countImportedDeltas: 0,
    countImportedReferenceDeltas: 0,
    error: { code: "None", message: "", tenantActionable: false },
  };
}

/** A job as the template creates it: schedule Disabled, status Paused, never run (graph-api.md). */
export function newJob(targetTenantId: string, servicePrincipalId: string, threshold = DEFAULT_DELETE_THRESHOLD): SyncJobRecord {
  return {
    id: jobIdFor(targetTenantId, servicePrincipalId),
    templateId: SYNC_JOB_TEMPLATE_ID,
    schedule: { expiration: null, interval: "PT40M", state: "Disabled" },
    synchronizationJobSettings: [
      { name: "QuarantineTooManyDeletesThreshold", value: String(threshold) },
      { name: "Domain", value: JSON.stringify({ EnvironmentName: "AzureAD", Name: "AzureAD" }) },
    ],
    status: {
      code: "Paused",
      countSuccessiveCompleteFailures: 0,
      escrowsPruned: false,
      lastExecution: emptyExecution(),
      lastSuccessfulExecution: null,
      lastSuccessfulExecutionWithExports: null,
      progress: [],
      quarantine: null,
      steadyStateFirstAchievedTime: NEVER,
      steadyStateLastAchievedTime: NEVER,
      synchronizedEntryCountByType: [],
      troubleshootingUrl: null,
    },
    nextRunAt: null,
  };
}

export function deleteThreshold(job: SyncJobRecord): number {
  const value = Number(job.synchronizationJobSettings.find((s) => s.name === "QuarantineTooManyDeletesThreshold")?.value);
  return Number.isFinite(value) && value >= 0 ? value : DEFAULT_DELETE_THRESHOLD;
}

/** The accidental-deletion check can be switched off in SyncNotificationSettings (DeleteThresholdEnabled false). */
function deleteThresholdEnabled(config: SyncConfiguration): boolean {
  const raw = config.secrets.find((s) => s.key === "SyncNotificationSettings")?.value;
  if (!raw) return true;
  try {
    return (JSON.parse(raw) as { DeleteThresholdEnabled?: unknown }).DeleteThresholdEnabled !== false;
  } catch {
    return true;
  }
}

/** How long a quarantined job waits before its next attempt: +6 h, +12 h, +24 h, then daily. */
export function quarantineBackoffMs(seriesCount: number): number {
  const hour = 60 * 60 * 1000;
  return seriesCount <= 1 ? 6 * hour : seriesCount === 2 ? 12 * hour : 24 * hour;
}

export function syncError(code: string, extra = ""): SyncError {
  const known = documentedSyncError(code);
  return { code, message: `${known?.reason ?? code}${extra ? ` ${extra}` : ""}`, tenantActionable: true };
}

/** What the engine needs from the rest of the directory. */
export interface OutboundContext {
  now(): number;
  /** Our partner configuration's (or the default's) outbound automatic redemption for a tenant. */
  outboundRedemption(tenantId: string): boolean;
  /** Quarantine entered / left: the directory audit log records it. */
  quarantineChanged(config: SyncConfiguration, entered: boolean, reason: string | null, at: string): void;
}

export interface CycleOptions {
  /** Re-evaluate every user in scope (restart with Watermark, Full or ConnectorDataStore). */
  full?: boolean;
  /** Apply deletions held by the threshold (restart with ForceDeletes). */
  forceDeletes?: boolean;
}

const iso = (ms: number) => new Date(ms).toISOString();

export class Outbound {
  state: OutboundState;
  private usersById = new Map<string, DirectoryUser>();
  private configsById = new Map<string, SyncConfiguration>();
  private readonly ctx: OutboundContext;
  /** Logs appended out of time order (a catch-up of several jobs) are sorted once at the end. */
  private unsorted = false;

  constructor(state: OutboundState, ctx: OutboundContext) {
    this.ctx = ctx;
    this.state = state;
    this.index();
  }

  load(state: OutboundState): void {
    this.state = state;
    this.index();
  }

  private index(): void {
    this.usersById = new Map(this.state.users.map((u) => [u.id, u]));
    this.configsById = new Map(this.state.configurations.map((c) => [c.id, c]));
  }

  user(id: string): DirectoryUser | undefined {
    return this.usersById.get(id);
  }

  configuration(id: string): SyncConfiguration | undefined {
    return this.configsById.get(id);
  }

  inbound(tenantId: string): PartnerInbound {
    return this.state.partnerInbound[tenantId.toLowerCase()] ?? { isSyncAllowed: false, inboundAllowed: false };
  }

  /** What Test connection and every cycle check first; null when the relationship works. */
  connectionError(target: string | null): SyncError | null {
    if (!target) return syncError("ExternalTenantNotFound", "The configuration names no target tenant (CompanyId).");
    const inbound = this.inbound(target);
    const outbound = this.ctx.outboundRedemption(target);
    if (!outbound && !inbound.inboundAllowed) {
      return syncError("AzureDirectoryB2BManagementPolicyCheckFailure", "Outbound automatic redemption is off in the source tenant and inbound automatic redemption is off in the target tenant.");
    }
    if (!outbound) return syncError("AzureDirectoryB2BManagementPolicyCheckFailure", "Outbound automatic redemption for the target is off in the source tenant.");
    if (!inbound.inboundAllowed) return syncError("AzureDirectoryB2BManagementPolicyCheckFailure", "Inbound automatic redemption for the source is off in the target tenant.");
    if (!inbound.isSyncAllowed) return syncError("AzureActiveDirectoryCrossTenantSyncPolicyCheckFailure");
    return null;
  }

  scope(config: SyncConfiguration): string[] {
    return config.assignments.map((a) => a.principalId).filter((id) => this.usersById.has(id));
  }

  private log(record: Omit<ProvisioningRecord, "id" | "changeId">): void {
    const last = this.state.logs[this.state.logs.length - 1];
    if (last && last.activityDateTime > record.activityDateTime) this.unsorted = true;
    this.state.logs.push({ ...record, id: randomUUID(), changeId: randomUUID() });
  }

  /** Runs one cycle of `config`'s job at `atMs`. */
  runCycle(config: SyncConfiguration, atMs: number, options: CycleOptions = {}): void {
    const job = config.job;
    if (!job) return;
    const at = iso(atMs);
    const cycleId = randomUUID();
    const target = companyId(config) ?? "";
    const base = { servicePrincipalId: config.id, jobId: job.id, cycleId, targetTenantId: target, initiatedBy: { id: "", displayName: PROVISIONING_SERVICE, initiatorType: "system" as const } };
    const scope = this.scope(config);
    const counts = { exported: 0, escrowed: 0, deltas: 0 };
    const finish = (state: SyncExecution["state"], error: SyncError | null): SyncExecution => ({
      activityIdentifier: cycleId,
      timeBegan: at,
      timeEnded: iso(atMs + 1000 + scope.length * 20),
      state,
      countEntitled: scope.length,
      countEntitledForProvisioning: scope.length,
      countEscrowed: counts.escrowed,
      countEscrowedRaw: counts.escrowed,
      countExported: counts.exported,
      countExports: counts.exported,
      countImported: scope.length,
      countImportedDeltas: counts.deltas,
      countImportedReferenceDeltas: 0,
      error,
    });

    const failure = this.connectionError(companyId(config));
    if (failure) {
      job.status.lastExecution = finish("Failed", failure);
      job.status.countSuccessiveCompleteFailures++;
      this.quarantine(config, "EncounteredQuarantineException", failure, atMs);
      return;
    }

    const inScope = new Set(scope);
    const deletions = Object.keys(config.synced).filter((id) => !inScope.has(id));
    const threshold = deleteThreshold(job);
    if (deletions.length > threshold && deleteThresholdEnabled(config) && !options.forceDeletes) {
      const alreadyHeld = new Set(config.held);
      for (const userId of deletions) {
        if (alreadyHeld.has(userId)) continue;
        this.log({ ...base, activityDateTime: at, action: "stageddelete", status: "skipped", errorCode: null, userId, targetUserId: config.synced[userId] ?? null, durationInMilliseconds: 40 });
      }
      config.held = deletions;
      const error: SyncError = {
        code: "TooManyDeletes",
        message: `The number of deletions (${deletions.length}) exceeds the accidental-deletion threshold (${threshold}). The deletions are held until they are allowed (restart with ForceDeletes) or the users are back in scope.`,
        tenantActionable: true,
      };
      job.status.lastExecution = finish("Failed", error);
      this.quarantine(config, "TooManyDeletes", error, atMs);
      return;
    }
    for (const userId of deletions) {
      this.log({ ...base, activityDateTime: at, action: "delete", status: "success", errorCode: null, userId, targetUserId: config.synced[userId] ?? null, durationInMilliseconds: 350 });
      delete config.synced[userId];
      counts.exported++;
      counts.deltas++;
    }
    config.held = [];

    const changed = new Set(config.pendingUpdates);
    config.pendingUpdates = [];
    for (const userId of scope) {
      const error = config.entryErrors[userId];
      const synced = config.synced[userId];
      if (error) {
        this.log({ ...base, activityDateTime: at, action: synced ? "update" : "create", status: "failure", errorCode: error, userId, targetUserId: synced ?? null, durationInMilliseconds: 900 });
        counts.escrowed++;
      } else if (!synced) {
        config.synced[userId] = targetUserId(config.id, userId);
        this.log({ ...base, activityDateTime: at, action: "create", status: "success", errorCode: null, userId, targetUserId: config.synced[userId] ?? null, durationInMilliseconds: 1200 });
        counts.exported++;
        counts.deltas++;
      } else if (changed.has(userId)) {
        this.log({ ...base, activityDateTime: at, action: "update", status: "success", errorCode: null, userId, targetUserId: synced, durationInMilliseconds: 700 });
        counts.exported++;
        counts.deltas++;
      } else if (options.full) {
        this.log({ ...base, activityDateTime: at, action: "other", status: "skipped", errorCode: "RedundantExport", userId, targetUserId: synced, durationInMilliseconds: 150 });
      }
    }

    const execution = finish(counts.escrowed > 0 ? "EntryLevelErrors" : "Succeeded", null);
    const status = job.status;
    status.lastExecution = execution;
    status.lastSuccessfulExecution = execution;
    if (counts.exported > 0) status.lastSuccessfulExecutionWithExports = execution;
    status.countSuccessiveCompleteFailures = 0;
    status.synchronizedEntryCountByType = [{ key: "user to user", value: Object.keys(config.synced).length }];
    if (counts.exported === 0 && counts.escrowed === 0) {
      if (status.steadyStateFirstAchievedTime === NEVER) status.steadyStateFirstAchievedTime = at;
      status.steadyStateLastAchievedTime = at;
    }
    if (status.quarantine) this.release(config, at);
    status.code = "Active";
    job.nextRunAt = iso(atMs + SYNC_INTERVAL_MS);
  }

  private quarantine(config: SyncConfiguration, reason: string, error: SyncError, atMs: number): void {
    const job = config.job;
    if (!job) return;
    const at = iso(atMs);
    const current = job.status.quarantine;
    const seriesCount = current ? current.seriesCount + 1 : 1;
    const seriesBegan = current?.seriesBegan ?? at;
    job.status.quarantine = { currentBegan: at, nextAttempt: iso(atMs + quarantineBackoffMs(seriesCount)), reason, seriesBegan, seriesCount, error };
    job.status.code = "Quarantine";
    job.nextRunAt = job.status.quarantine.nextAttempt;
    if (atMs - Date.parse(seriesBegan) >= QUARANTINE_DISABLE_MS) {
      // Four weeks in quarantine: the service disables the job; start (or restart) brings it back.
      job.schedule.state = "Disabled";
      job.nextRunAt = null;
    }
    if (!current) this.ctx.quarantineChanged(config, true, reason, at);
  }

  private release(config: SyncConfiguration, at: string): void {
    const job = config.job;
    const previous = job?.status.quarantine;
    if (!job || !previous) return;
    job.status.quarantine = null;
    this.ctx.quarantineChanged(config, false, previous.reason, at);
  }

  /** POST start: resumes a paused or disabled job, clears quarantine, runs a cycle at once. */
  start(config: SyncConfiguration): void {
    const job = config.job;
    if (!job) return;
    const now = this.ctx.now();
    job.schedule.state = "Active";
    this.release(config, iso(now));
    job.status.code = "Active";
    this.runCycle(config, now);
    this.sortLogs();
  }

  pause(config: SyncConfiguration): void {
    const job = config.job;
    if (!job) return;
    job.schedule.state = "Paused";
    job.status.code = "Paused";
    job.nextRunAt = null;
  }

  /** POST restart: applies the reset flags, then runs a cycle at once. */
  restart(config: SyncConfiguration, scopes: readonly ResetScope[]): void {
    const job = config.job;
    if (!job) return;
    const now = this.ctx.now();
    const has = (s: ResetScope) => scopes.includes(s) || scopes.includes("Full");
    job.schedule.state = "Active";
    if (has("QuarantineState") || has("ForceDeletes")) this.release(config, iso(now));
    if (has("Escrows")) job.status.escrowsPruned = true;
    if (!job.status.quarantine) job.status.code = "Active";
    this.runCycle(config, now, { full: has("Watermark") || has("ConnectorDataStore"), forceDeletes: scopes.includes("ForceDeletes") });
    this.sortLogs();
  }

  /**
   * Runs every cycle that is due on the emulator clock. After a jump, an Active job runs its first
   * and its last due cycle (those between would repeat the same result); a quarantined job runs
   * each attempt of its back-off, so its series count and the four-week disable are right.
   */
  runDue(): number {
    const now = this.ctx.now();
    const nowIso = iso(now);
    let ran = 0;
    for (const config of this.state.configurations) {
      const job = config.job;
      if (!job || job.schedule.state !== "Active" || job.nextRunAt === null) continue;
      // Runs before every Graph request: ISO instants of one length compare as strings, so only a due job pays for Date.parse.
      if (job.nextRunAt.length === nowIso.length && job.nextRunAt > nowIso) continue;
      let guard = 0;
      while (job.nextRunAt !== null && job.schedule.state === "Active" && Date.parse(job.nextRunAt) <= now && guard++ < 200) {
        let at = Date.parse(job.nextRunAt);
        if (!job.status.quarantine && guard > 1) {
          const behind = Math.floor((now - at) / SYNC_INTERVAL_MS);
          at += behind * SYNC_INTERVAL_MS;
        }
        this.runCycle(config, at);
        ran++;
      }
    }
    if (ran > 0) this.sortLogs();
    return ran;
  }

  /** Keeps the log oldest first. */
  sortLogs(): void {
    if (!this.unsorted) return;
    this.state.logs.sort((a, b) => (a.activityDateTime < b.activityDateTime ? -1 : a.activityDateTime > b.activityDateTime ? 1 : 0));
    this.unsorted = false;
  }

  /** Provisioning log entries older than 30 days leave the log. Returns whether any did. */
  prune(): boolean {
    const cutoff = iso(this.ctx.now() - PROVISIONING_RETENTION_MS);
    let drop = 0;
    const logs = this.state.logs;
    while (drop < logs.length && (logs[drop]?.activityDateTime ?? "") <= cutoff) drop++;
    if (drop === 0) return false;
    logs.splice(0, drop);
    return true;
  }

  /** Provision on demand: one user through import, scoping, matching, action and export. */
  provisionOnDemand(config: SyncConfiguration, userId: string, initiatedBy: ProvisioningRecord["initiatedBy"]): { key: string; value: string } {
    const job = config.job as SyncJobRecord;
    const now = this.ctx.now();
    const at = iso(now);
    const user = this.usersById.get(userId);
    const target = companyId(config) ?? "";
    const steps: { name: string; type: string; status: string; description: string; timestamp: string; details: Record<string, string> }[] = [];
    const step = (name: string, type: string, status: string, description: string, details: Record<string, string> = {}) =>
      steps.push({ name, type, status, description, timestamp: at, details });
    const upn = user?.userPrincipalName ?? userId;
    const answer = (result: string, action: ProvisioningAction, status: ProvisioningResult, errorCode: string | null, details: Record<string, string | null>) => {
      if (user) {
        this.log({ servicePrincipalId: config.id, jobId: job.id, cycleId: randomUUID(), targetTenantId: target, activityDateTime: at, action, status, errorCode, userId, targetUserId: config.synced[userId] ?? null, durationInMilliseconds: 1500, initiatedBy });
      }
      const known = documentedSyncError(errorCode);
      return {
        key: JSON.stringify({ result, details }),
        value: JSON.stringify({
          action: action === "create" ? "Create" : action === "update" ? "Update" : "Other",
          changeId: randomUUID(),
          startTime: at,
          endTime: at,
          provisioningSteps: steps,
          reportableIdentifier: upn,
          statusInfo: { status: result, errorCode, reason: known?.reason ?? (errorCode ? details.errorMessage : null) ?? null, additionalDetails: null, errorCategory: known ? known.category : null, recommendedAction: known?.fix ?? null },
          sourceIdentity: { id: userId, type: "User", displayName: user?.displayName ?? null, details: null },
          sourceSystem: { id: null, name: SOURCE_SYSTEM, details: null },
          targetIdentity: { id: config.synced[userId] ?? null, type: "User", displayName: null, details: null },
          targetSystem: { id: target, name: TARGET_SYSTEM, details: null },
        }),
      };
    };

    if (!user) {
      step("EntryImport", "Import", "Failure", "The user was not found in Azure Active Directory.");
      return answer("Failure", "other", "failure", "EntryNotFound", { errorCode: "EntryNotFound", errorMessage: "The user was not found in the source directory." });
    }
    step("EntryImport", "Import", "Success", `Retrieved User '${upn}' from ${SOURCE_SYSTEM}`, { objectId: user.id, displayName: user.displayName, userPrincipalName: upn, accountEnabled: user.accountEnabled ? "True" : "False" });
    const assigned = config.assignments.some((a) => a.principalId === userId);
    step("EntrySynchronizationScoping", "Scoping", assigned ? "Success" : "Skipped", assigned ? "Determine if User in scope by evaluating against each scoping filter" : `User '${upn}' is not assigned to the configuration and is out of scope.`, {
      Assigned: assigned ? "True" : "False",
      IsActive: user.accountEnabled ? "True" : "False",
      IsEffectivelyEntitledForProvisioning: assigned ? "True" : "False",
    });
    if (!assigned) return answer("Skipped", "other", "skipped", "NotEffectivelyEntitled", { errorCode: "NotEffectivelyEntitled", errorMessage: "The user is not in scope of this configuration." });

    const connection = this.connectionError(target || null);
    if (connection) {
      step("EntryExportAdd", "Export", "Failure", connection.message, { ReportableIdentifier: upn });
      return answer("Failure", "create", "failure", connection.code, { errorCode: connection.code, errorMessage: connection.message });
    }
    const synced = config.synced[userId];
    step("EntryImport", "Matching", "Success", synced ? `Retrieved '${upn}' from ${TARGET_SYSTEM}` : `No matching User was found in ${TARGET_SYSTEM}`, synced ? { id: synced } : {});
    const entryError = config.entryErrors[userId];
    if (entryError) {
      const reason = documentedSyncError(entryError)?.reason ?? entryError;
      step(synced ? "EntrySynchronizationUpdate" : "EntrySynchronizationAdd", "Processing", "Success", synced ? `User '${upn}' will be updated in ${TARGET_SYSTEM}` : `User '${upn}' will be created in ${TARGET_SYSTEM}`);
      step(synced ? "EntryExportUpdate" : "EntryExportAdd", "Export", "Failure", reason, { ReportableIdentifier: upn });
      return answer("Failure", synced ? "update" : "create", "failure", entryError, { errorCode: entryError, errorMessage: reason });
    }
    if (synced) {
      step("EntrySynchronizationSkip", "Processing", "Skipped", `The state of the user in both the source and target systems already match. No change to the User '${upn}' currently needs to be made.`, { SkipReason: "RedundantExport" });
      step("EntryExportSkip", "Export", "Skipped", "Nothing to export.", { ReportableIdentifier: upn });
      return answer("Skipped", "other", "skipped", "RedundantExport", { errorCode: "RedundantExport", errorMessage: "The state of the user in both the source and target systems already match." });
    }
    config.synced[userId] = targetUserId(config.id, userId);
    step("EntrySynchronizationAdd", "Processing", "Success", `User '${upn}' will be created in ${TARGET_SYSTEM} (User is active and assigned in ${SOURCE_SYSTEM}, but no matching User was found in ${TARGET_SYSTEM})`);
    step("EntryExportAdd", "Export", "Success", `User '${upn}' was created in ${TARGET_SYSTEM}`, { ReportableIdentifier: upn });
    job.status.synchronizedEntryCountByType = [{ key: "user to user", value: Object.keys(config.synced).length }];
    return answer("Success", "create", "success", null, {});
  }
}
