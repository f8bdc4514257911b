/**
 * What a sync job's status means, in words: the one status of a configuration (healthy, errors in
 * the last cycle, quarantined, paused, not run yet), why a quarantine happened, when the service
 * disables the job, and how many deletions are held. Pure: the list, the configuration page and
 * the partners' Outbound column all read it.
 */
import type { SyncJob, SyncQuarantine } from "./models";

export type OutboundStatus = "healthy" | "errors" | "quarantined" | "paused" | "not-run";

export const STATUS_WORDS: Record<OutboundStatus, string> = {
  healthy: "Healthy",
  errors: "Errors in last cycle",
  quarantined: "Quarantined",
  paused: "Paused",
  "not-run": "Not run yet",
};

/** Worst first: a partner with several configurations shows the worst. */
export const STATUS_ORDER: readonly OutboundStatus[] = ["quarantined", "errors", "paused", "not-run", "healthy"];

/** The service disables a job four weeks after its quarantine series began. */
export const DISABLE_AFTER_MS = 28 * 24 * 60 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

export function jobStatus(job: SyncJob): OutboundStatus {
  if (job.quarantine !== null || job.code === "Quarantine") return "quarantined";
  const ran = job.lastExecution?.timeBegan != null;
  if (!ran && job.scheduleState !== "Active") return "not-run";
  if (job.scheduleState === "Paused" || job.scheduleState === "Disabled" || job.code === "Paused") return "paused";
  if (!ran) return "not-run";
  const last = job.lastExecution;
  if (last && (last.state === "EntryLevelErrors" || last.state === "Failed" || last.countEscrowed > 0)) return "errors";
  return "healthy";
}

/** The worst status of several configurations; null for none. */
export function worstStatus(statuses: readonly OutboundStatus[]): OutboundStatus | null {
  for (const status of STATUS_ORDER) if (statuses.includes(status)) return status;
  return null;
}

const UNKNOWN_REASON = "The service did not say why";
const QUARANTINE_REASONS: Record<string, string> = {
  EncounteredQuarantineException: "Nearly every call to the target failed",
  EncounteredBaseEscrowThreshold: "Too many users failed to provision",
  EncounteredTotalEscrowThreshold: "More than 40,000 users failed to provision",
  EncounteredEscrowProportionThreshold: "More than 40% of the users failed to provision",
  QuarantinedOnDemand: "Someone put the job in quarantine",
  TooManyDeletes: "More users would be deleted than the accidental-deletion threshold allows",
  IngestionInterrupted: "Reading the users was interrupted",
  Unknown: UNKNOWN_REASON,
};

const REDEMPTION_FAILURE = "AzureDirectoryB2BManagementPolicyCheckFailure";
const SYNC_POLICY_FAILURE = "AzureActiveDirectoryCrossTenantSyncPolicyCheckFailure";

/** Why the job is in quarantine, in one sentence: the reason, and what failed when the error says. */
export function quarantineReasonWords(quarantine: SyncQuarantine, heldDeletions: number | null = null): string {
  const reason = QUARANTINE_REASONS[quarantine.reason] ?? UNKNOWN_REASON;
  const code = quarantine.error?.code;
  if (quarantine.reason === "TooManyDeletes") return heldDeletions !== null && heldDeletions > 0 ? `${reason}: ${heldDeletions} deletions are held` : reason;
  if (code === REDEMPTION_FAILURE) return `${reason}: automatic redemption is off on one side`;
  if (code === SYNC_POLICY_FAILURE) return `${reason}: the partner does not allow sync into its tenant`;
  return reason;
}

/** When the service disables the job (four weeks after the quarantine series began); null without a start. */
export function disablesAt(quarantine: SyncQuarantine): number | null {
  const began = quarantine.seriesBegan ? Date.parse(quarantine.seriesBegan) : NaN;
  return Number.isNaN(began) ? null : began + DISABLE_AFTER_MS;
}

/** Whole days left before the service disables the job: 0 once it has (or will within the day). */
export function daysUntilDisabled(quarantine: SyncQuarantine, now: number): number | null {
  const at = disablesAt(quarantine);
  if (at === null) return null;
  return Math.max(0, Math.floor((at - now) / DAY_MS));
}

/** "Disabled in 25 days", "Disabled within a day", "Disabled by the service". */
export function disableWords(quarantine: SyncQuarantine, now: number, scheduleState: string): string | null {
  if (scheduleState === "Disabled") return "Disabled by the service: start or restart it to run again";
  const days = daysUntilDisabled(quarantine, now);
  if (days === null) return null;
  if (days === 0) return "The service disables it within a day";
  return `The service disables it in ${days} day${days === 1 ? "" : "s"}`;
}

/**
 * Deletions the accidental-deletion threshold holds back: users in the target beyond those in
 * scope. Only for a TooManyDeletes quarantine; null when Graph gives no counts.
 */
export function heldDeletions(job: SyncJob): number | null {
  if (job.quarantine?.reason !== "TooManyDeletes") return null;
  const inScope = job.lastExecution?.countEntitled;
  if (job.usersInSync === null || inScope === undefined) return null;
  return Math.max(0, job.usersInSync - inScope);
}

/**
 * What an action on the job depends on, as one string: the page sends it with the action, and the
 * server reads the job again first. When they differ the job changed meanwhile and nothing is sent.
 */
export function jobFingerprint(job: SyncJob): string {
  return [job.code, job.scheduleState, job.quarantine?.reason ?? "-", heldDeletions(job) ?? "-"].join("|");
}

/** The restart scopes in words, as the dialog offers them. */
export const RESTART_SCOPE_WORDS = {
  QuarantineState: "Clear the quarantine",
  Watermark: "Re-evaluate everyone in scope",
  Escrows: "Drop queued failures",
  ForceDeletes: "Apply the held deletions",
} as const;
