/** Audit entries as the dashboard reads them; lib/graph/audit-mappers.ts builds them from Graph's directoryAudit. */

export type AuditActor =
  | { kind: "user"; id: string | null; userPrincipalName: string | null; displayName: string | null }
  | { kind: "app"; appId: string | null; displayName: string | null }
  | { kind: "unknown" };

/** One modified property, old and new values still as the JSON text Graph sends. */
export interface AuditPropertyChange {
  property: string;
  oldValue: string | null;
  newValue: string | null;
}

export interface AuditTarget {
  id: string | null;
  displayName: string | null;
  type: string | null;
  changes: AuditPropertyChange[];
}

export interface AuditEntry {
  id: string;
  activity: string;
  category: string;
  /** ISO date-time; "" when Graph gave none. */
  activityDateTime: string;
  operationType: string | null;
  /** "success", "failure", "timeout", "unknownFutureValue"; null when absent. */
  result: string | null;
  resultReason: string | null;
  correlationId: string | null;
  actor: AuditActor;
  /** The partner the change is about, found in a target's id or in its modified properties; null for tenant-wide changes. */
  partnerTenantId: string | null;
  /** The name Entra logged for that partner, if any: a fallback when the dashboard knows no name. */
  partnerName: string | null;
  targets: AuditTarget[];
  /** The entry exactly as Graph returned it, for the "raw entry" view. */
  raw: Record<string, unknown>;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** Opaque cursor for the next page; null on the last one. */
  nextLink: string | null;
  /** Entries Graph returned on this page before keeping only cross-tenant changes. */
  scanned: number;
}
