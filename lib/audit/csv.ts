import { toCsv } from "@/lib/core/csv";
import { changeKindLabel, type DescribedEntry } from "./describe";
import type { AuditEntry } from "./types";

export interface AuditCsvRow {
  entry: AuditEntry;
  described: DescribedEntry;
  partnerName: string | null;
}

/**
 * The activity list as CSV, one line per change, formula-safe. Names here come from other tenants
 * and apps (who made a change, a partner's name); toCsv trims and neutralises every cell.
 */
export function toAuditCsv(rows: readonly AuditCsvRow[]): string {
  const header = ["Date (UTC)", "Changed by", "Sign-in name or app ID", "Kind of change", "What happened", "Partner", "Partner tenant ID", "Old → new", "Result", "Activity", "Correlation ID"];
  const lines = rows.map(({ entry, described, partnerName }) => [
    entry.activityDateTime,
    described.who,
    described.whoDetail ?? "",
    described.kind ? changeKindLabel(described.kind) : "",
    described.sentence,
    partnerName ?? "",
    entry.partnerTenantId ?? "",
    described.changes.map((change) => `${change.label}: ${change.from} → ${change.to}`).join("; "),
    entry.result ?? "",
    entry.activity,
    entry.correlationId ?? "",
  ]);
  return toCsv([header, ...lines]);
}
