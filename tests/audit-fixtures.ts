import type { AuditActor, AuditEntry, AuditPropertyChange } from "@/lib/audit/types";

export const ADELE: AuditActor = { kind: "user", id: "a7c3e1f0-52d4-4b8e-9f6a-0c1d2e3f4a5b", userPrincipalName: "admin@contoso.example", displayName: "Adele Admin" };
export const AUTOMATION: AuditActor = { kind: "app", appId: "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", displayName: "Sync automation" };
export const FABRIKAM = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551";

export function change(property: string, oldValue: unknown, newValue: unknown): AuditPropertyChange {
  const text = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
  return { property, oldValue: text(oldValue), newValue: text(newValue) };
}

/** An app-model audit entry for unit tests: a successful change to Fabrikam by Adele unless told otherwise. */
export function makeAuditEntry(activity: string, overrides: Partial<AuditEntry> & { changes?: AuditPropertyChange[] } = {}): AuditEntry {
  const { changes = [], ...rest } = overrides;
  const category = /identity sync/i.test(activity) ? "CrossTenantIdentitySyncSettings" : "CrossTenantAccessSettings";
  return {
    id: `entry-${activity.length}`,
    activity,
    category,
    activityDateTime: "2026-11-20T10:00:00Z",
    operationType: null,
    result: "success",
    resultReason: null,
    correlationId: null,
    actor: ADELE,
    partnerTenantId: FABRIKAM,
    partnerName: null,
    targets: [{ id: FABRIKAM, displayName: null, type: "Policy", changes }],
    raw: {},
    ...rest,
  };
}
