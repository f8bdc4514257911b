/**
 * Putting a snapshot back: the selected differences become, per partner, one change (the row an
 * action call carries) and the Graph calls it makes, in the order they run. Restoring from deleted
 * items is preferred over re-creating; what the dashboard cannot write is said, not guessed at.
 */
import type { WriteKind } from "@/lib/writes/outcome";
import type { Difference } from "./compare";
import type { SnapshotDocument } from "./schema";

export const PARTNER_STEPS = ["keep", "restore", "create", "delete"] as const;
export const SYNC_POLICY_STEPS = ["keep", "restore", "create", "update", "delete"] as const;

/** One partner's put-back, flat so a server action can check every field. null: leave as it is. */
export interface PutBackChange {
  tenantId: string;
  partner: (typeof PARTNER_STEPS)[number];
  syncPolicy: (typeof SYNC_POLICY_STEPS)[number];
  /** create: the policy's name (null: none). */
  policyName: string | null;
  /** create and update: inbound user and group sync. */
  userSyncAllowed: boolean | null;
  groupSyncAllowed: boolean | null;
  /** Automatic redemption, set on the partner configuration. */
  inboundRedemption: boolean | null;
  outboundRedemption: boolean | null;
}

export interface PlannedCall {
  write: WriteKind;
  method: "POST" | "PUT" | "PATCH" | "DELETE";
  /** Relative to Graph's beta root, with the tenant id in place. */
  path: string;
  words: string;
}

export interface PutBackRow {
  tenantId: string;
  name: string | null;
  /** The differences this row puts back. */
  differenceIds: string[];
  change: PutBackChange;
  calls: PlannedCall[];
  /** Selected differences the dashboard does not write, each in words. */
  notes: string[];
}

const PARTNERS = "/policies/crossTenantAccessPolicy/partners";
const partner = (id: string) => `${PARTNERS}/${id}`;
const syncPolicy = (id: string) => `${partner(id)}/identitySynchronization`;

/** The Graph calls of one change, in the order they run (the policy after its partner, deletes the other way). */
export function plannedCalls(change: PutBackChange): PlannedCall[] {
  const id = change.tenantId;
  const calls: PlannedCall[] = [];
  const redemption = (direction: "inbound" | "outbound", allowed: boolean | null) => {
    if (allowed === null) return;
    calls.push({
      write: direction === "inbound" ? "set-inbound-redemption" : "set-outbound-redemption",
      method: "PATCH",
      path: partner(id),
      words: `Turn ${allowed ? "on" : "off"} ${direction} automatic redemption`,
    });
  };
  if (change.syncPolicy === "delete") calls.push({ write: "delete-sync-policy", method: "DELETE", path: syncPolicy(id), words: "Delete the sync policy (to deleted items)" });
  if (change.partner === "restore") calls.push({ write: "restore-partner", method: "POST", path: `/policies/deletedItems/crossTenantPartners/${id}/restore`, words: "Restore the partner configuration from deleted items" });
  if (change.partner === "create") calls.push({ write: "add-partner", method: "POST", path: PARTNERS, words: "Create the partner configuration again" });
  if (change.partner === "delete") calls.push({ write: "delete-partner", method: "DELETE", path: partner(id), words: "Delete the partner configuration (to deleted items)" });
  redemption("inbound", change.inboundRedemption);
  redemption("outbound", change.outboundRedemption);
  const settings = [
    change.userSyncAllowed === null ? null : `inbound user sync ${change.userSyncAllowed ? "allowed" : "blocked"}`,
    change.groupSyncAllowed === null ? null : `inbound group sync ${change.groupSyncAllowed ? "allowed" : "blocked"}`,
  ].filter((part): part is string => part !== null);
  if (change.syncPolicy === "restore") calls.push({ write: "restore-sync-policy", method: "POST", path: `/policies/deletedItems/crossTenantSyncPolicyPartners/${id}/restore`, words: "Restore the sync policy from deleted items" });
  if (change.syncPolicy === "create") {
    const named = change.policyName ? ` named "${change.policyName}"` : "";
    calls.push({ write: "create-sync-policy", method: "PUT", path: syncPolicy(id), words: `Create the sync policy again${named}${settings.length ? `, ${settings.join(", ")}` : ""}` });
  }
  if (change.syncPolicy === "update") calls.push({ write: "update-sync-policy", method: "PATCH", path: syncPolicy(id), words: `Set ${settings.join(" and ")}` });
  return calls;
}

const keep = (tenantId: string): PutBackChange => ({
  tenantId,
  partner: "keep",
  syncPolicy: "keep",
  policyName: null,
  userSyncAllowed: null,
  groupSyncAllowed: null,
  inboundRedemption: null,
  outboundRedemption: null,
});

const NOT_WRITTEN = "the dashboard does not write this setting: set it in the Entra admin center";

/** What can and cannot be put back for the selected differences, back to how `snapshot` has it. */
export function planPutBack(snapshot: SnapshotDocument, selected: readonly Difference[]): PutBackRow[] {
  const before = new Map(snapshot.partners.map((entry) => [entry.tenantId, entry]));
  const rows = new Map<string, PutBackRow>();
  const rowOf = (difference: Difference) => {
    let row = rows.get(difference.tenantId);
    if (!row) rows.set(difference.tenantId, (row = { tenantId: difference.tenantId, name: difference.name, differenceIds: [], change: keep(difference.tenantId), calls: [], notes: [] }));
    return row;
  };
  const recreatePolicy = (row: PutBackRow) => {
    const policy = before.get(row.tenantId)?.identitySynchronization;
    if (!policy) return;
    row.change.syncPolicy = "create";
    row.change.policyName = policy.displayName;
    row.change.userSyncAllowed = policy.userSyncInbound?.isSyncAllowed ?? null;
    row.change.groupSyncAllowed = policy.groupSyncInbound?.isSyncAllowed ?? null;
    if (policy.externalCloudAuthorizedApplicationId) row.notes.push(`External cloud authorized application ID: ${NOT_WRITTEN}`);
  };

  for (const difference of selected) {
    const row = rowOf(difference);
    const cannot = (why: string) => row.notes.push(`${difference.summary}: ${why}`);
    if (difference.subject === "partner") {
      const { from, to } = difference;
      if (from === "live" && to === "deleted") {
        row.change.partner = "restore";
        if (difference.withSyncPolicy) row.change.syncPolicy = "restore";
      } else if (from === "live" && to === "absent") {
        row.change.partner = "create";
        const old = before.get(difference.tenantId);
        row.change.inboundRedemption = old?.automaticUserConsentSettings?.inboundAllowed ?? null;
        row.change.outboundRedemption = old?.automaticUserConsentSettings?.outboundAllowed ?? null;
        const unwritten = old
          ? (["inboundTrust", "b2bCollaborationInbound", "b2bCollaborationOutbound", "b2bDirectConnectInbound", "b2bDirectConnectOutbound", "tenantRestrictions", "isServiceProvider"] as const).filter(
              (key) => old[key] !== null,
            )
          : [];
        if (unwritten.length > 0) row.notes.push(`The re-created partner inherits ${unwritten.length} setting${unwritten.length === 1 ? "" : "s"} from the default policy until set again: ${NOT_WRITTEN}`);
        if (difference.withSyncPolicy) recreatePolicy(row);
      } else if (to === "live") {
        row.change.partner = "delete";
        row.change.syncPolicy = "delete";
      } else {
        cannot("deleted items cannot be written back; nothing to do");
        continue;
      }
    } else if (difference.subject === "sync-policy") {
      const { from, to } = difference;
      if (from === "live" && to === "deleted") row.change.syncPolicy = "restore";
      else if (from === "live" && to === "absent") recreatePolicy(row);
      else if (to === "live") row.change.syncPolicy = "delete";
      else {
        cannot("deleted items cannot be written back; nothing to do");
        continue;
      }
    } else if (difference.setting) {
      const { scope, path, oldValue } = difference.setting;
      const flag = typeof oldValue === "boolean" ? oldValue : null;
      if (scope === "sync-policy" && path === "userSyncInbound.isSyncAllowed" && flag !== null) {
        row.change.syncPolicy = "update";
        row.change.userSyncAllowed = flag;
      } else if (scope === "sync-policy" && path === "groupSyncInbound.isSyncAllowed" && flag !== null) {
        row.change.syncPolicy = "update";
        row.change.groupSyncAllowed = flag;
      } else if (scope === "partner" && path === "automaticUserConsentSettings.inboundAllowed" && flag !== null) {
        row.change.inboundRedemption = flag;
      } else if (scope === "partner" && path === "automaticUserConsentSettings.outboundAllowed" && flag !== null) {
        row.change.outboundRedemption = flag;
      } else {
        cannot(NOT_WRITTEN);
        continue;
      }
    }
    row.differenceIds.push(difference.id);
  }
  return [...rows.values()].map((row) => ({ ...row, calls: plannedCalls(row.change) }));
}

/** Rows with something to send. */
export function sendableRows(rows: readonly PutBackRow[]): PutBackRow[] {
  return rows.filter((row) => row.calls.length > 0);
}
