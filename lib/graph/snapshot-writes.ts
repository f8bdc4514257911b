import "server-only";
/**
 * Putting a snapshot back, one partner at a time: the planned calls (lib/snapshots/plan.ts) as the
 * engine's own declarations, run as a sequence. Each step that restores or creates reads first and
 * is not sent when its effect is already there, so a row run again (after throttling, or by a
 * second tab) never does anything twice.
 */
import { plannedCalls, type PlannedCall, type PutBackChange } from "@/lib/snapshots/plan";
import { foundAlreadyDone, notSent, type WriteOutcome } from "@/lib/writes/outcome";
import type { GraphOptions } from "./client";
import { getPartner } from "./partners";
import { addPartnerWrite, automaticRedemptionWrite, deletePartnerWrite, restorePartnerWrite } from "./partner-writes";
import { getSyncPolicy } from "./sync-policies";
import { createSyncPolicyWrite, deleteSyncPolicyWrite, restoreSyncPolicyWrite, updateSyncPolicyWrite } from "./sync-policy-writes";
import { runSequence, type GraphWrite, type WriteStepSpec } from "./writes";

type Declared = GraphWrite | WriteOutcome;

async function unlessPartnerExists(token: string, call: PlannedCall, tenantId: string, declare: () => GraphWrite, options?: GraphOptions): Promise<Declared> {
  const live = await getPartner(token, tenantId, options);
  if (!live.ok) return notSent(call.write, tenantId, live.error);
  return live.data ? foundAlreadyDone(call.write, tenantId) : declare();
}

async function unlessPolicyExists(token: string, call: PlannedCall, tenantId: string, declare: () => GraphWrite, options?: GraphOptions): Promise<Declared> {
  const live = await getSyncPolicy(token, tenantId, options);
  if (!live.ok) return notSent(call.write, tenantId, live.error);
  return live.data ? foundAlreadyDone(call.write, tenantId) : declare();
}

/** The declaration behind each planned call. */
function declare(token: string, change: PutBackChange, call: PlannedCall, options?: GraphOptions): Promise<Declared> | Declared {
  const id = change.tenantId;
  const settings = {
    ...(change.userSyncAllowed === null ? {} : { userSyncAllowed: change.userSyncAllowed }),
    ...(change.groupSyncAllowed === null ? {} : { groupSyncAllowed: change.groupSyncAllowed }),
  };
  switch (call.write) {
    case "restore-partner":
      return unlessPartnerExists(token, call, id, () => restorePartnerWrite(id), options);
    case "add-partner":
      return unlessPartnerExists(token, call, id, () => addPartnerWrite(id), options);
    case "delete-partner":
      return deletePartnerWrite(id);
    case "set-inbound-redemption":
      return automaticRedemptionWrite(token, id, "inbound", change.inboundRedemption ?? false, options);
    case "set-outbound-redemption":
      return automaticRedemptionWrite(token, id, "outbound", change.outboundRedemption ?? false, options);
    case "restore-sync-policy":
      return unlessPolicyExists(token, call, id, () => restoreSyncPolicyWrite(id, "deleted-items"), options);
    case "create-sync-policy":
      return unlessPolicyExists(token, call, id, () => createSyncPolicyWrite(id, change.policyName, settings), options);
    case "update-sync-policy":
      return updateSyncPolicyWrite(id, settings);
    case "delete-sync-policy":
      return deleteSyncPolicyWrite(id);
    default:
      return notSent(call.write, id, { status: 400, code: "NotPlanned", message: "This change is not part of a put-back.", requestId: null, retryAfterSeconds: null });
  }
}

export function putBackSteps(token: string, change: PutBackChange, options?: GraphOptions): WriteStepSpec[] {
  return plannedCalls(change).map((call) => ({ declare: () => declare(token, change, call, options) }));
}

/**
 * One outcome per row: the first step that did not settle (it says why the rest did not run),
 * else the last one. Steps before it are done or already done.
 */
export async function putBackPartner(token: string, change: PutBackChange, options?: GraphOptions): Promise<WriteOutcome> {
  const outcomes = await runSequence(token, putBackSteps(token, change, options), options);
  const unsettled = outcomes.find((outcome) => outcome.kind !== "done" && outcome.kind !== "already-done");
  const last = outcomes[outcomes.length - 1];
  return unsettled ?? last ?? foundAlreadyDone("update-sync-policy", change.tenantId);
}
