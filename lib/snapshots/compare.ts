/**
 * What changed between two snapshots of one tenant, per partner, in the admin's words: added,
 * removed (live → deleted, deleted → purged) and each changed setting as old → new
 * ("Inbound user sync: Allowed → Blocked", the same words as the change history).
 */
import { formatAuditValue, propertyLabel } from "@/lib/audit/values";
import type { SnapshotDocument, SnapshotPartner, SnapshotSyncPolicy } from "./schema";

export type Presence = "live" | "deleted" | "absent";
export const CHANGE_KINDS = ["added", "removed", "changed"] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** Where a changed setting lives. */
export type SettingScope = "partner" | "sync-policy" | "default-policy" | "policy";

export interface SettingChange {
  scope: SettingScope;
  /** Graph's property path, e.g. `userSyncInbound.isSyncAllowed`. */
  path: string;
  label: string;
  from: string;
  to: string;
  oldValue: unknown;
  newValue: unknown;
}

export interface Difference {
  /** Stable across runs: what a selection and the URL refer to. */
  id: string;
  /** The partner's tenant id; the home tenant's for the default and policy root. */
  tenantId: string;
  name: string | null;
  kind: ChangeKind;
  subject: "partner" | "sync-policy" | "setting";
  /** For a partner or sync policy: where it was, where it is. */
  from: Presence | null;
  to: Presence | null;
  /** A partner difference that also covers its sync policy going the same way. */
  withSyncPolicy: boolean;
  setting: SettingChange | null;
  /** The line the admin reads: "Partner configuration: Live → In deleted items". */
  summary: string;
}

const PRESENCE_FROM: Record<Presence, string> = { live: "Live", deleted: "In deleted items", absent: "None" };
const PRESENCE_TO: Record<Presence, string> = { live: "Live", deleted: "In deleted items", absent: "Purged" };

function presenceKind(from: Presence, to: Presence): ChangeKind | null {
  if (from === to) return null;
  if (to === "live") return "added";
  if (from === "live" || to === "absent") return "removed";
  return "added";
}

interface TenantState {
  partner: Presence;
  policy: Presence;
  live: SnapshotPartner | null;
}

function states(document: SnapshotDocument): Map<string, TenantState> {
  const map = new Map<string, TenantState>();
  const at = (tenantId: string) => {
    let state = map.get(tenantId);
    if (!state) map.set(tenantId, (state = { partner: "absent", policy: "absent", live: null }));
    return state;
  };
  for (const partner of document.deletedPartners) at(partner.tenantId).partner = "deleted";
  for (const policy of document.deletedSyncPolicies) at(policy.tenantId).policy = "deleted";
  for (const partner of document.partners) {
    const state = at(partner.tenantId);
    state.partner = "live";
    state.live = partner;
    if (partner.identitySynchronization) state.policy = "live";
  }
  return map;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Leaves by dotted path; arrays (targets, endpoints) are leaves of their own. */
function flatten(value: unknown, prefix: string, into: Map<string, unknown>): Map<string, unknown> {
  if (isPlainObject(value) && Object.keys(value).length > 0) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, into);
  } else if (prefix) into.set(prefix, value ?? null);
  return into;
}

const SCOPE_LABELS: Partial<Record<string, string>> = { displayName: "Sync policy name" };

function label(scope: SettingScope, path: string): string {
  if (scope === "sync-policy" && SCOPE_LABELS[path]) return SCOPE_LABELS[path] as string;
  if (scope === "policy" && path === "displayName") return "Policy name";
  if (scope === "policy" && path === "allowedCloudEndpoints") return "Microsoft cloud settings";
  return propertyLabel(path);
}

export function settingChanges(scope: SettingScope, before: unknown, after: unknown): SettingChange[] {
  const old = flatten(before, "", new Map());
  const now = flatten(after, "", new Map());
  const changes: SettingChange[] = [];
  for (const path of [...new Set([...old.keys(), ...now.keys()])].sort()) {
    const oldValue = old.get(path) ?? null;
    const newValue = now.get(path) ?? null;
    if (JSON.stringify(oldValue) === JSON.stringify(newValue)) continue;
    const from = formatAuditValue(path, oldValue);
    const to = formatAuditValue(path, newValue);
    // An object replaced by null takes leaves that were "Not set" anyway: nothing an admin would see.
    if (from === to && (oldValue === null || newValue === null)) continue;
    changes.push({ scope, path, label: label(scope, path), from, to, oldValue, newValue });
  }
  return changes;
}

const partnerSettings = ({ identitySynchronization: _sync, tenantId: _id, ...settings }: SnapshotPartner) => settings;

function nameOf(before: SnapshotDocument, after: SnapshotDocument) {
  const names = new Map<string, string | null>();
  for (const tenant of [...before.tenants, ...after.tenants]) if (tenant.displayName) names.set(tenant.tenantId, tenant.displayName);
  const policyNames = new Map<string, string>();
  const remember = (tenantId: string, name: string | null | undefined) => {
    if (name && !policyNames.has(tenantId)) policyNames.set(tenantId, name);
  };
  for (const document of [after, before]) {
    for (const partner of document.partners) remember(partner.tenantId, partner.identitySynchronization?.displayName);
    for (const policy of document.deletedSyncPolicies) remember(policy.tenantId, policy.displayName);
  }
  return (tenantId: string) => names.get(tenantId) ?? policyNames.get(tenantId) ?? null;
}

function setting(tenantId: string, name: string | null, change: SettingChange): Difference {
  return {
    id: `${tenantId}:${change.scope}:${change.path}`,
    tenantId,
    name,
    kind: "changed",
    subject: "setting",
    from: null,
    to: null,
    withSyncPolicy: false,
    setting: change,
    summary: `${change.label}: ${change.from} → ${change.to}`,
  };
}

/** Every difference from `before` to `after`, partners in tenant-id order, the tenant-wide settings first. */
export function compareSnapshots(before: SnapshotDocument, after: SnapshotDocument): Difference[] {
  const differences: Difference[] = [];
  const name = nameOf(before, after);
  const home = after.tenantId;
  for (const change of settingChanges("policy", before.crossTenantAccessPolicy, after.crossTenantAccessPolicy)) differences.push(setting(home, "Cross-tenant access policy", change));
  for (const change of settingChanges("default-policy", before.defaultPolicy, after.defaultPolicy)) differences.push(setting(home, "Default settings", change));

  const was = states(before);
  const now = states(after);
  const absent: TenantState = { partner: "absent", policy: "absent", live: null };
  for (const tenantId of [...new Set([...was.keys(), ...now.keys()])].sort()) {
    const a = was.get(tenantId) ?? absent;
    const b = now.get(tenantId) ?? absent;
    const partnerKind = presenceKind(a.partner, b.partner);
    const policyKind = presenceKind(a.policy, b.policy);
    const folded = partnerKind !== null && a.policy === a.partner && b.policy === b.partner;
    if (partnerKind) {
      differences.push({
        id: `${tenantId}:partner`,
        tenantId,
        name: name(tenantId),
        kind: partnerKind,
        subject: "partner",
        from: a.partner,
        to: b.partner,
        withSyncPolicy: folded,
        setting: null,
        summary: `Partner configuration${folded ? " and its sync policy" : ""}: ${PRESENCE_FROM[a.partner]} → ${PRESENCE_TO[b.partner]}`,
      });
    }
    if (policyKind && !folded) {
      differences.push({
        id: `${tenantId}:sync-policy`,
        tenantId,
        name: name(tenantId),
        kind: policyKind,
        subject: "sync-policy",
        from: a.policy,
        to: b.policy,
        withSyncPolicy: false,
        setting: null,
        summary: `Sync policy: ${PRESENCE_FROM[a.policy]} → ${PRESENCE_TO[b.policy]}`,
      });
    }
    if (a.live && b.live) {
      for (const change of settingChanges("partner", partnerSettings(a.live), partnerSettings(b.live))) differences.push(setting(tenantId, name(tenantId), change));
      const policies: [SnapshotSyncPolicy | null, SnapshotSyncPolicy | null] = [a.live.identitySynchronization, b.live.identitySynchronization];
      if (policies[0] && policies[1]) for (const change of settingChanges("sync-policy", policies[0], policies[1])) differences.push(setting(tenantId, name(tenantId), change));
    }
  }
  return differences;
}

export function countByKind(differences: readonly Difference[]): Record<ChangeKind, number> {
  const counts: Record<ChangeKind, number> = { added: 0, removed: 0, changed: 0 };
  for (const difference of differences) counts[difference.kind] += 1;
  return counts;
}

export const KIND_LABELS: Record<ChangeKind, string> = { added: "Added", removed: "Removed", changed: "Changed" };
