/**
 * The directory audit log (Core Directory) as Entra writes it for cross-tenant
 * access and identity sync settings: the entry shape, the activity catalogue,
 * how a change becomes modifiedProperties, and the seeded weeks of history.
 */
import { randomUUID } from "node:crypto";
import { DAY_MS } from "./clock";
import { deterministicGuid } from "./guid";
import { PARTNER_PROPERTIES, SYNC_POLICY_PROPERTIES } from "./model";

export const AUDIT_RETENTION_MS = 30 * DAY_MS;

export type AuditActivity =
  | "syncCreate" | "syncUpdate" | "syncDelete" | "syncRestore" | "syncPurge"
  | "partnerAdd" | "partnerUpdate" | "partnerDelete" | "partnerRestore" | "partnerPurge"
  | "defaultUpdate" | "defaultReset" | "policyUpdate"
  | "jobQuarantine" | "jobUnquarantine";

const SYNC = "CrossTenantIdentitySyncSettings";
const ACCESS = "CrossTenantAccessSettings";
const PROVISIONING = "ProvisioningManagement";
export const ACCOUNT_PROVISIONING = "Account Provisioning";

interface Activity {
  name: string;
  category: string;
  operationType: string;
  /** The service that logs it; "Core Directory" unless said. */
  service?: string;
}

/** The activities of one category (and of one service, where not "Core Directory"): name and operation type. */
function activitiesOf(category: string, service?: string): (name: string, operationType: string) => Activity {
  return (name, operationType) => (service === undefined ? { name, category, operationType } : { name, category, operationType, service });
}

const sync = activitiesOf(SYNC);
const access = activitiesOf(ACCESS);
const provisioning = activitiesOf(PROVISIONING, ACCOUNT_PROVISIONING);

/** Documented names where the docs have them; restore and hard delete follow the documented pattern (see README). */
export const ACTIVITIES: Record<AuditActivity, Activity> = {
  syncCreate: sync("Create a partner cross-tenant identity sync setting", "Add"),
  syncUpdate: sync("Update a partner cross-tenant identity sync setting", "Update"),
  syncDelete: sync("Delete a partner cross-tenant identity sync setting", "Delete"),
  syncRestore: sync("Restore a partner cross-tenant identity sync setting", "Restore"),
  syncPurge: sync("Hard delete a partner cross-tenant identity sync setting", "Delete"),
  partnerAdd: access("Add a partner to cross-tenant access setting", "Add"),
  partnerUpdate: access("Update a partner cross-tenant access setting", "Update"),
  partnerDelete: access("Delete partner specific cross-tenant access setting", "Delete"),
  partnerRestore: access("Restore partner specific cross-tenant access setting", "Restore"),
  partnerPurge: access("Hard delete partner specific cross-tenant access setting", "Delete"),
  defaultUpdate: access("Update the company default cross-tenant access setting", "Update"),
  defaultReset: access("Reset the cross-tenant access default setting", "Update"),
  policyUpdate: access("Update the cross-tenant access policy", "Update"),
  // The provisioning service's own entries for a sync job (see README, "Directory audit log").
  jobQuarantine: provisioning("Quarantine", "Update"),
  jobUnquarantine: provisioning("Release from quarantine", "Update"),
};

export interface AuditUser {
  id: string;
  displayName: string;
  userPrincipalName: string;
  /** "" when unknown, as Graph writes it; the emulator records none. */
  ipAddress: string;
  userType: "Member" | "Guest";
  /** Set for a user from another tenant; null for the home tenant's own users. */
  homeTenantId: string | null;
  homeTenantName: string | null;
}

export interface AuditApp {
  appId: string;
  displayName: string;
  servicePrincipalId: string;
  servicePrincipalName: string;
}

export type Initiator = { user: AuditUser; app: null } | { user: null; app: AuditApp };

export interface ModifiedProperty {
  displayName: string;
  /** JSON text, or null when there was no value before (create, restore) or after (delete). */
  oldValue: string | null;
  newValue: string | null;
}

export interface TargetResource {
  id: string;
  displayName: string | null;
  type: string;
  userPrincipalName: null;
  groupType: null;
  modifiedProperties: ModifiedProperty[];
}

export interface AuditEntry {
  id: string;
  category: string;
  correlationId: string;
  result: "success";
  resultReason: string;
  activityDisplayName: string;
  activityDateTime: string;
  /** "Core Directory" for policy writes, "Account Provisioning" for a sync job's quarantine. */
  loggedByService: string;
  operationType: string;
  /** Core Directory writes record none. */
  userAgent: string | null;
  initiatedBy: Initiator;
  targetResources: TargetResource[];
  additionalDetails: { key: string; value: string }[];
}

export const AUDIT_PROPERTIES = [
  "id",
  "category",
  "correlationId",
  "result",
  "resultReason",
  "activityDisplayName",
  "activityDateTime",
  "loggedByService",
  "operationType",
  "userAgent",
  "initiatedBy",
  "targetResources",
  "additionalDetails",
] as const satisfies readonly (keyof AuditEntry)[];

/** What modifiedProperties may list: every property but the deletion time. */
export const AUDITED_SYNC_PROPERTIES = SYNC_POLICY_PROPERTIES.filter((p) => p !== "deletedDateTime");
export const AUDITED_PARTNER_PROPERTIES = PARTNER_PROPERTIES.filter((p) => p !== "deletedDateTime");

export const userInitiator = (id: string, displayName: string, userPrincipalName: string): Initiator => ({
  user: { id, displayName, userPrincipalName, ipAddress: "", userType: "Member", homeTenantId: null, homeTenantName: null },
  app: null,
});

/** An entry as Graph shows it; entries kept in older state files lack the newer user and entry properties. */
export function auditOnWire(entry: AuditEntry): AuditEntry {
  const user = entry.initiatedBy.user;
  const initiatedBy: Initiator = user
    ? {
        user: {
          ...user,
          ipAddress: user.ipAddress ?? "",
          userType: user.userType ?? "Member",
          homeTenantId: user.homeTenantId ?? null,
          homeTenantName: user.homeTenantName ?? null,
        },
        app: null,
      }
    : entry.initiatedBy;
  return { ...entry, userAgent: entry.userAgent ?? null, initiatedBy };
}

export const appInitiator = (appId: string, displayName: string, servicePrincipalId: string): Initiator => ({
  user: null,
  app: { appId, displayName, servicePrincipalId, servicePrincipalName: displayName },
});

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/** One modifiedProperties row per top-level property whose value differs; `null` records mean created or deleted. */
export function modifiedProperties(before: Record<string, unknown> | null, after: Record<string, unknown> | null, properties: readonly string[]): ModifiedProperty[] {
  const rows: ModifiedProperty[] = [];
  for (const name of properties) {
    const oldValue = json(before?.[name] ?? null);
    const newValue = json(after?.[name] ?? null);
    if (oldValue !== newValue) rows.push({ displayName: name, oldValue: before ? oldValue : null, newValue: after ? newValue : null });
  }
  return rows;
}

export interface AuditChange {
  activity: AuditActivity;
  initiatedBy: Initiator;
  /** The partner's tenant id (the home tenant's for default-policy changes). */
  targetId: string;
  targetName: string | null;
  modified: ModifiedProperty[];
  at: string;
  correlationId?: string;
  /** Seeded entries get stable ids. */
  idSeed?: string;
  /** "Policy" unless said (a sync job's entries target its "ServicePrincipal"). */
  targetType?: string;
}

export function auditEntry(change: AuditChange): AuditEntry {
  const activity = ACTIVITIES[change.activity];
  const correlationId = change.correlationId ?? (change.idSeed ? deterministicGuid(`${change.idSeed}-correlation`) : randomUUID());
  const unique = change.idSeed ? deterministicGuid(change.idSeed) : randomUUID();
  return {
    id: `Directory_${correlationId}_${unique.slice(0, 8).toUpperCase()}`,
    category: activity.category,
    correlationId,
    result: "success",
    resultReason: "",
    activityDisplayName: activity.name,
    activityDateTime: change.at,
    loggedByService: activity.service ?? "Core Directory",
    operationType: activity.operationType,
    userAgent: null,
    initiatedBy: change.initiatedBy,
    targetResources: [
      { id: change.targetId, displayName: change.targetName, type: change.targetType ?? "Policy", userPrincipalName: null, groupType: null, modifiedProperties: change.modified },
    ],
    additionalDetails: [],
  };
}
