import "server-only";
/** Graph's service principals, synchronization jobs, secrets, users and provision-on-demand answers, as app types. */
import type { DirectoryUser, ProvisionOnDemandResult, SyncConfiguration, SyncExecution, SyncJob, SyncJobError, SyncQuarantine } from "@/lib/outbound/models";
import { isRecordValue } from "./errors";

const NEVER = "0001-01-01";

const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);
const count = (value: unknown): number => (typeof value === "number" && Number.isFinite(value) ? value : 0);
const when = (value: unknown): string | null => {
  const at = text(value);
  return at === null || at.startsWith(NEVER) ? null : at;
};

function toJobError(value: unknown): SyncJobError | null {
  if (!isRecordValue(value)) return null;
  const code = text(value.code);
  if (code === null || code === "None") return null;
  return { code, message: text(value.message) ?? "" };
}

function toExecution(value: unknown): SyncExecution | null {
  if (!isRecordValue(value)) return null;
  return {
    timeBegan: when(value.timeBegan),
    timeEnded: when(value.timeEnded),
    state: text(value.state) ?? "Failed",
    countEntitled: count(value.countEntitled),
    countEscrowed: count(value.countEscrowed),
    countExported: count(value.countExported),
    error: toJobError(value.error),
  };
}

function toQuarantine(value: unknown): SyncQuarantine | null {
  if (!isRecordValue(value)) return null;
  return {
    reason: text(value.reason) ?? "Unknown",
    currentBegan: when(value.currentBegan),
    seriesBegan: when(value.seriesBegan),
    nextAttempt: when(value.nextAttempt),
    seriesCount: count(value.seriesCount),
    error: toJobError(value.error),
  };
}

function usersInSync(value: unknown): number | null {
  if (!Array.isArray(value)) return null;
  let total: number | null = null;
  for (const entry of value) {
    if (isRecordValue(entry) && typeof entry.value === "number" && /user/i.test(String(entry.key))) total = (total ?? 0) + entry.value;
  }
  return total;
}

function deleteThreshold(settings: unknown): number | null {
  if (!Array.isArray(settings)) return null;
  const setting = settings.find((s) => isRecordValue(s) && s.name === "QuarantineTooManyDeletesThreshold");
  const value = isRecordValue(setting) ? Number(setting.value) : NaN;
  return Number.isFinite(value) ? value : null;
}

export function toSyncJob(wire: unknown): SyncJob | null {
  if (!isRecordValue(wire) || typeof wire.id !== "string") return null;
  const status = isRecordValue(wire.status) ? wire.status : {};
  const schedule = isRecordValue(wire.schedule) ? wire.schedule : {};
  return {
    id: wire.id,
    scheduleState: text(schedule.state) ?? "Disabled",
    code: text(status.code) ?? "NotConfigured",
    lastExecution: toExecution(status.lastExecution),
    quarantine: toQuarantine(status.quarantine),
    usersInSync: usersInSync(status.synchronizedEntryCountByType),
    deleteThreshold: deleteThreshold(wire.synchronizationJobSettings),
  };
}

/** The first job of a jobs collection (a configuration has one). */
export function toFirstJob(body: unknown): SyncJob | null {
  const value = isRecordValue(body) && Array.isArray(body.value) ? body.value : [];
  return toSyncJob(value[0]);
}

/** The CompanyId of a secrets answer: the target tenant. */
export function toTargetTenantId(body: unknown): string | null {
  const value = isRecordValue(body) && Array.isArray(body.value) ? body.value : [];
  const company = value.find((entry) => isRecordValue(entry) && entry.key === "CompanyId");
  const id = isRecordValue(company) ? text(company.value) : null;
  return id && id !== "*" ? id.toLowerCase() : null;
}

export function toSyncConfiguration(wire: unknown): SyncConfiguration | null {
  if (!isRecordValue(wire) || typeof wire.id !== "string") return null;
  return { servicePrincipalId: wire.id.toLowerCase(), displayName: text(wire.displayName) };
}

export function toDirectoryUser(wire: unknown): DirectoryUser | null {
  if (!isRecordValue(wire) || typeof wire.id !== "string") return null;
  return { id: wire.id, displayName: text(wire.displayName), userPrincipalName: text(wire.userPrincipalName) };
}

function parseJson(value: unknown): Record<string, unknown> {
  if (typeof value !== "string") return isRecordValue(value) ? value : {};
  try {
    const parsed: unknown = JSON.parse(value);
    return isRecordValue(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

/** provisionOnDemand answers `{ key, value }`, both JSON text: the result in `key`, the steps in `value`. */
export function toProvisionOnDemandResult(body: unknown): ProvisionOnDemandResult {
  const outer = isRecordValue(body) ? body : {};
  const key = parseJson(outer.key);
  const value = parseJson(outer.value);
  const status = isRecordValue(value.statusInfo) ? value.statusInfo : {};
  const source = isRecordValue(value.sourceIdentity) ? value.sourceIdentity : {};
  const steps = Array.isArray(value.provisioningSteps) ? value.provisioningSteps : [];
  return {
    result: text(key.result) ?? text(status.status) ?? "Unknown",
    action: text(value.action),
    steps: steps.filter(isRecordValue).map((step) => ({
      name: text(step.name) ?? "",
      type: text(step.type) ?? text(step.provisioningStepType) ?? "",
      status: text(step.status) ?? "",
      description: text(step.description) ?? "",
    })),
    errorCode: text(status.errorCode),
    reason: text(status.reason),
    userDisplayName: text(source.displayName),
  };
}
