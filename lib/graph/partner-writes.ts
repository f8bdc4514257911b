import "server-only";
/** Writes to partner configurations, each declared for the write engine (writes.ts). (The deleted partners they leave are read in partners.ts.) */
import type { AutomaticUserConsentSettings } from "@/lib/core/models";
import { notSent, type Observed, type WriteOutcome } from "@/lib/writes/outcome";
import { uniqueTenantIds } from "./batch";
import type { GraphOptions } from "./client";
import { toPartner } from "./mappers";
import { getPartner } from "./partners";
import { deletedPartnerPath, PARTNERS_PATH, partnerPath, restoreDeletedPartnerPath } from "./paths";
import type { WirePartner } from "./wire-types";
import { presence, removalWrite, runWrites, type GraphWrite, type ReadAnswer, type WriteRunOptions, type WriteStepSpec } from "./writes";
import { createSyncPolicyWrite, deleteSyncPolicyWrite } from "./sync-policy-writes";

/** POST partners {tenantId}: every other setting stays null, inherited from the default policy. */
export function addPartnerWrite(tenantId: string): GraphWrite {
  return {
    write: "add-partner",
    tenantId,
    method: "POST",
    path: PARTNERS_PATH,
    body: { tenantId },
    rules: { notFound: "not-found", conflict: "conflict" },
    reads: [partnerPath(tenantId)],
    observe: presence(true),
  };
}

/** Soft delete; Graph refuses (400) while the partner has a sync policy. */
export function deletePartnerWrite(tenantId: string): GraphWrite {
  return removalWrite("delete-partner", tenantId, partnerPath(tenantId), { badRequest: "conflict" });
}

export function restorePartnerWrite(tenantId: string): GraphWrite {
  return {
    write: "restore-partner",
    tenantId,
    method: "POST",
    path: restoreDeletedPartnerPath(tenantId),
    rules: { notFound: "not-found", conflict: "conflict" },
    reads: [partnerPath(tenantId)],
    observe: presence(true),
  };
}

export function purgePartnerWrite(tenantId: string): GraphWrite {
  return removalWrite("purge-partner", tenantId, deletedPartnerPath(tenantId));
}

/** One direction of automatic redemption: the write that changes it, and its words. */
export type RedemptionDirection = "inbound" | "outbound";

/**
 * PATCH automaticUserConsentSettings to set one direction. Graph replaces the
 * object whole, so the partner is read first and the other direction sent as it
 * is (unset stays unset: inherited); when that read fails nothing is sent.
 */
export async function automaticRedemptionWrite(token: string, tenantId: string, direction: RedemptionDirection, allowed: boolean, options?: GraphOptions): Promise<GraphWrite | WriteOutcome> {
  const write = direction === "inbound" ? "set-inbound-redemption" : "set-outbound-redemption";
  const current = await getPartner(token, tenantId, options);
  if (!current.ok) return notSent(write, tenantId, current.error);
  const now = current.data?.automaticUserConsentSettings;
  const consent: AutomaticUserConsentSettings =
    direction === "inbound" ? { inboundAllowed: allowed, outboundAllowed: now?.outboundAllowed ?? null } : { inboundAllowed: now?.inboundAllowed ?? null, outboundAllowed: allowed };
  return {
    write,
    tenantId,
    method: "PATCH",
    path: partnerPath(tenantId),
    body: { automaticUserConsentSettings: consent },
    rules: { notFound: "not-found", conflict: "conflict" },
    reads: [partnerPath(tenantId)],
    observe: ([answer]: readonly ReadAnswer[]): Observed => {
      const found = presence(true)(answer ? [answer] : []);
      if (found.kind !== "reached" || !answer) return found;
      const settings = toPartner(answer.body as WirePartner, tenantId).automaticUserConsentSettings;
      return { kind: settings?.inboundAllowed === consent.inboundAllowed && settings?.outboundAllowed === consent.outboundAllowed ? "reached" : "not-reached" };
    },
  };
}

export async function addPartner(token: string, tenantId: string, options?: GraphOptions): Promise<WriteOutcome> {
  return (await runWrites(token, [addPartnerWrite(tenantId)], options))[0] as WriteOutcome;
}

export async function deletePartner(token: string, tenantId: string, options?: GraphOptions): Promise<WriteOutcome> {
  return (await runWrites(token, [deletePartnerWrite(tenantId)], options))[0] as WriteOutcome;
}

export async function restorePartner(token: string, tenantId: string, options?: GraphOptions): Promise<WriteOutcome> {
  return (await runWrites(token, [restorePartnerWrite(tenantId)], options))[0] as WriteOutcome;
}

/** Restores many deleted partners: one outcome per distinct tenant id, in input order, so one row's failure loses no other row's outcome. */
export function restorePartners(token: string, tenantIds: readonly string[], options: WriteRunOptions = {}): Promise<WriteOutcome[]> {
  return runWrites(token, uniqueTenantIds(tenantIds).map(restorePartnerWrite), { ...options, alwaysBatch: true });
}

export function purgePartners(token: string, tenantIds: readonly string[], options: WriteRunOptions = {}): Promise<WriteOutcome[]> {
  return runWrites(token, uniqueTenantIds(tenantIds).map(purgePartnerWrite), { ...options, alwaysBatch: true });
}

/** Delete a partner; with its sync policy, that first, because Graph refuses to delete a partner that still has one. */
export function deletePartnerSteps(tenantId: string, withSyncPolicy: boolean): WriteStepSpec[] {
  const partner: WriteStepSpec = { declare: () => deletePartnerWrite(tenantId) };
  return withSyncPolicy ? [{ declare: () => deleteSyncPolicyWrite(tenantId) }, partner] : [partner];
}

/**
 * Set up sync: a policy named after the partner allowing inbound user sync; then,
 * if asked, inbound automatic redemption on, also when the policy already existed.
 */
export function setUpSyncSteps(token: string, tenantId: string, displayName: string, enableAutomaticRedemption: boolean, options?: GraphOptions): WriteStepSpec[] {
  const policy: WriteStepSpec = { declare: () => createSyncPolicyWrite(tenantId, displayName, { userSyncAllowed: true }) };
  if (!enableAutomaticRedemption) return [policy];
  return [
    policy,
    { declare: () => automaticRedemptionWrite(token, tenantId, "inbound", true, options), after: (previous) => previous.kind === "done" || previous.kind === "conflict" },
  ];
}
