/**
 * The audit activities this dashboard reads: Core Directory, categories
 * CrossTenantIdentitySyncSettings and CrossTenantAccessSettings. Graph documents
 * create/update/delete names; restore and purge names are not documented, so
 * entries are classified by category and leading verb, whatever the exact wording.
 */

export const AUDIT_CATEGORIES = ["CrossTenantIdentitySyncSettings", "CrossTenantAccessSettings"] as const;
export const AUDIT_SERVICE = "Core Directory";

export type AuditSubject = "sync-policy" | "partner" | "default";
export type AuditVerb = "create" | "update" | "delete" | "restore" | "purge" | "reset";

export type ChangeKind =
  | "sync-created"
  | "sync-updated"
  | "sync-deleted"
  | "sync-restored"
  | "sync-purged"
  | "partner-added"
  | "partner-updated"
  | "partner-deleted"
  | "partner-restored"
  | "partner-purged"
  | "default-updated"
  | "default-reset";

interface KindInfo {
  subject: AuditSubject;
  verb: AuditVerb;
  label: string;
  /** The documented activityDisplayName; null where Graph documents none (restore, purge). */
  activity: string | null;
  /** For undocumented names: the leading words every wording starts with, for a startswith filter. */
  activityPrefix?: string;
}

export const CHANGE_KINDS: Readonly<Record<ChangeKind, KindInfo>> = {
  "sync-created": { subject: "sync-policy", verb: "create", label: "Sync policy created", activity: "Create a partner cross-tenant identity sync setting" },
  "sync-updated": { subject: "sync-policy", verb: "update", label: "Sync policy changed", activity: "Update a partner cross-tenant identity sync setting" },
  "sync-deleted": { subject: "sync-policy", verb: "delete", label: "Sync policy deleted", activity: "Delete a partner cross-tenant identity sync setting" },
  "sync-restored": { subject: "sync-policy", verb: "restore", label: "Sync policy restored", activity: null, activityPrefix: "Restore" },
  "sync-purged": { subject: "sync-policy", verb: "purge", label: "Sync policy purged", activity: null, activityPrefix: "Hard delete" },
  "partner-added": { subject: "partner", verb: "create", label: "Organization added", activity: "Add a partner to cross-tenant access setting" },
  "partner-updated": { subject: "partner", verb: "update", label: "Organization settings changed", activity: "Update a partner cross-tenant access setting" },
  "partner-deleted": { subject: "partner", verb: "delete", label: "Organization deleted", activity: "Delete partner specific cross-tenant access setting" },
  "partner-restored": { subject: "partner", verb: "restore", label: "Organization restored", activity: null, activityPrefix: "Restore" },
  "partner-purged": { subject: "partner", verb: "purge", label: "Organization purged", activity: null, activityPrefix: "Hard delete" },
  "default-updated": { subject: "default", verb: "update", label: "Default settings changed", activity: "Update the company default cross-tenant access setting" },
  "default-reset": { subject: "default", verb: "reset", label: "Default settings reset", activity: "Reset the cross-tenant access default setting" },
};

export const CHANGE_KIND_IDS = Object.keys(CHANGE_KINDS) as ChangeKind[];

export function isChangeKind(value: string): value is ChangeKind {
  return Object.hasOwn(CHANGE_KINDS, value);
}

/** Default-policy changes are about the whole tenant, never about one partner. */
export function isTenantWide(category: string, activity: string): boolean {
  const kind = changeKindOf(category, activity);
  return kind !== null && CHANGE_KINDS[kind].subject === "default";
}

export function isCrossTenantCategory(category: string): boolean {
  return (AUDIT_CATEGORIES as readonly string[]).includes(category);
}

function verbOf(activity: string): AuditVerb | null {
  const text = activity.trim().toLowerCase();
  if (/^(hard delete|purge|permanently delete)/.test(text)) return "purge";
  if (/^restore/.test(text)) return "restore";
  if (/^reset/.test(text)) return "reset";
  if (/^(create|add)/.test(text)) return "create";
  if (/^(update|set|change)/.test(text)) return "update";
  if (/^(delete|remove)/.test(text)) return "delete";
  return null;
}

function subjectOf(category: string, activity: string): AuditSubject | null {
  const text = activity.toLowerCase();
  if (category === "CrossTenantIdentitySyncSettings" || text.includes("identity sync")) return "sync-policy";
  if (text.includes("default")) return "default";
  if (category === "CrossTenantAccessSettings" || text.includes("cross-tenant access")) return "partner";
  return null;
}

/** The kind of change an entry records, or null for an activity this dashboard does not know. */
export function changeKindOf(category: string, activity: string): ChangeKind | null {
  const subject = subjectOf(category, activity);
  const verb = verbOf(activity);
  if (!subject || !verb) return null;
  const found = CHANGE_KIND_IDS.find((kind) => CHANGE_KINDS[kind].subject === subject && CHANGE_KINDS[kind].verb === verb);
  return found ?? null;
}
