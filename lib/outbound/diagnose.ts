/**
 * "What is wrong and how to fix it": each documented cause the dashboard can see on a sync job,
 * with its fix: a button where the fix is ours to make, words where it is the partner's.
 */
import type { SyncJob } from "./models";
import { configurationErrorWords } from "@/lib/sync-errors/codes";
import { heldDeletions, jobStatus } from "./status";

export type FixAction = "turn-on-outbound" | "clear-quarantine" | "allow-deletes" | "start";

export interface Cause {
  id: string;
  /** What is wrong, in one sentence. */
  problem: string;
  /** More about it, when there is more to say. */
  detail?: string;
  /** The fix when it is ours: a button. */
  action?: FixAction;
  /** The fix in words: the partner's to make, or nothing the dashboard can do. */
  fixWords?: string;
  /** Where to read more (the grouped errors). */
  link?: { href: string; label: string };
}

export interface DiagnoseInput {
  servicePrincipalId: string;
  job: SyncJob;
  /** The target's name for sentences ("Fabrikam"), else its tenant id. */
  targetName: string;
  /** null when no CompanyId is set. */
  targetTenantId: string | null;
  /** Our outbound automatic redemption for the target (partner's value, else the default's); null when unknown. */
  ourOutbound: boolean | null;
  /** False when we have no partner configuration for the target; null when unknown. */
  partnerExists: boolean | null;
}

const REDEMPTION = "AzureDirectoryB2BManagementPolicyCheckFailure";
const SYNC_POLICY = "AzureActiveDirectoryCrossTenantSyncPolicyCheckFailure";

export function diagnose(input: DiagnoseInput): Cause[] {
  const { job, targetName: name } = input;
  const causes: Cause[] = [];
  const status = jobStatus(job);
  const code = job.quarantine?.error?.code ?? (job.lastExecution?.state === "Failed" ? job.lastExecution.error?.code : undefined) ?? null;
  const redemptionBlocked = code === REDEMPTION || code === SYNC_POLICY;

  if (input.targetTenantId === null) {
    causes.push({ id: "no-target", problem: "The configuration names no target tenant (its CompanyId is not set).", fixWords: "Set the target tenant in the Entra admin center (Provisioning, Admin credentials), then test the connection." });
  } else if (input.partnerExists === false) {
    causes.push({
      id: "no-partner",
      problem: `${name} is not a partner organization in your cross-tenant access settings.`,
      fixWords: `Add ${name} as an organization, then turn on outbound automatic redemption for it.`,
      link: { href: "/partners", label: "Partners" },
    });
  } else if (input.ourOutbound === false && (redemptionBlocked || status === "not-run" || status === "paused")) {
    causes.push({
      id: "our-outbound",
      problem: `Your outbound automatic redemption for ${name} is off.`,
      detail: `Sync needs it on both sides: your users are not asked to accept a consent prompt in ${name}. Until it is on, every cycle fails and the job stays in quarantine.`,
      action: "turn-on-outbound",
    });
  }

  if (code === REDEMPTION) {
    causes.push({
      id: "partner-inbound",
      problem: input.ourOutbound === true ? `Your outbound automatic redemption for ${name} is on; the last cycle still found automatic redemption off on one side.` : `Automatic redemption must be on in ${name} too.`,
      fixWords: `${name} must turn on inbound automatic redemption for you. Once both are on, clear the quarantine to run a cycle now.`,
    });
  } else if (code === SYNC_POLICY) {
    causes.push({ id: "partner-sync-policy", problem: `${name} does not allow users to be synchronized into its tenant from yours.`, fixWords: `${name} must allow inbound user sync for you in its cross-tenant access settings.` });
  } else if (code && code !== "TooManyDeletes") {
    const words = configurationErrorWords(code);
    causes.push({ id: "error-code", problem: words?.meaning ?? `The last cycle failed with ${code}.`, fixWords: words?.fix ?? "Read the provisioning log for what the service said." });
  }

  if (job.quarantine?.reason === "TooManyDeletes") {
    const held = heldDeletions(job);
    causes.push({
      id: "too-many-deletes",
      problem: `${held ?? "Some"} users taken out of scope would be deleted in ${name}, more than the accidental-deletion threshold${job.deleteThreshold !== null ? ` (${job.deleteThreshold})` : ""} allows, so the deletions are held.`,
      detail: "If they were taken out of scope on purpose, allow the deletions. If not, put them back in scope and the job carries on.",
      action: "allow-deletes",
    });
  } else if (status === "quarantined") {
    causes.push({
      id: "quarantine",
      problem: job.scheduleState === "Disabled" ? "The service disabled the job after four weeks in quarantine." : "The job is in quarantine: cycles run at most once a day until it leaves.",
      detail: "Once the cause is fixed, clear the quarantine: the job runs a cycle at once instead of waiting for the next attempt.",
      action: "clear-quarantine",
    });
  }

  if (status === "paused") causes.push({ id: "paused", problem: "The job is paused: no cycle runs, and changes to your users do not reach the target.", action: "start" });
  if (status === "not-run") causes.push({ id: "not-run", problem: "The job has never run.", detail: "Start it to run the first cycle now; it then runs every 40 minutes.", action: "start" });

  if (status === "errors" || (job.lastExecution?.countEscrowed ?? 0) > 0) {
    const failed = job.lastExecution?.countEscrowed ?? 0;
    causes.push({
      id: "entry-errors",
      problem: `${failed} user${failed === 1 ? "" : "s"} failed in the last cycle.`,
      detail: "Each failure has a documented code with its own fix.",
      link: { href: `/outbound/${input.servicePrincipalId}/errors`, label: "See the errors, grouped" },
    });
  }
  return causes;
}
