/**
 * Reads a snapshot file an admin picked or dropped. Size first, then JSON, then the version, then
 * the schema, then the seal, then the tenant: each refusal says what is wrong in fixed words and
 * quotes nothing from the file (a hostile file must not put its text on the page).
 */
import { isSealIntact } from "./build";
import { MAX_SNAPSHOT_BYTES, SCHEMA_VERSION, snapshotSchema, type SnapshotDocument } from "./schema";

export type SnapshotRefusal = "too-large" | "empty" | "not-json" | "not-snapshot" | "newer-schema" | "older-schema" | "invalid" | "edited" | "other-tenant";

export const REFUSALS: Record<SnapshotRefusal, string> = {
  "too-large": `This file is larger than a snapshot can be (${MAX_SNAPSHOT_BYTES / 1024 / 1024} MB). Nothing was read.`,
  empty: "This file is empty.",
  "not-json": "This file is not complete JSON: it may have been cut short while it was saved or copied. Export the snapshot again.",
  "not-snapshot": "This file is not a cross-tenant snapshot (it has no schemaVersion).",
  "newer-schema": `This snapshot was written by a newer version of the dashboard (its schema is newer than version ${SCHEMA_VERSION}). Update the dashboard to read it.`,
  "older-schema": `This snapshot's schema version is not one this dashboard reads (it reads version ${SCHEMA_VERSION}).`,
  invalid: "This file does not match the snapshot schema: it was changed by hand or by another tool. Nothing in it is used.",
  edited: "This file was changed after it was exported: its contents no longer match its SHA-256 seal. Nothing in it is used.",
  "other-tenant": "This snapshot was taken in another tenant. Compare and put back work only with snapshots of the tenant you are signed in to.",
};

export type ParsedSnapshot = { ok: true; document: SnapshotDocument } | { ok: false; refusal: SnapshotRefusal; message: string };

const refuse = (refusal: SnapshotRefusal): ParsedSnapshot => ({ ok: false, refusal, message: REFUSALS[refusal] });

/** Before reading a picked file: its size alone may refuse it. */
export function refuseBySize(bytes: number): ParsedSnapshot | null {
  if (bytes > MAX_SNAPSHOT_BYTES) return refuse("too-large");
  if (bytes === 0) return refuse("empty");
  return null;
}

/** `tenantId`: the signed-in tenant; null skips that check (a script comparing two files). */
export async function parseSnapshot(text: string, tenantId: string | null): Promise<ParsedSnapshot> {
  // Characters are at most as many as bytes in UTF-8's worst case of one byte each.
  const bySize = refuseBySize(text.length);
  if (bySize) return bySize;
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    return refuse("not-json");
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) return refuse("not-snapshot");
  const version = (value as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version !== "number") return refuse("not-snapshot");
  if (version > SCHEMA_VERSION) return refuse("newer-schema");
  if (version !== SCHEMA_VERSION) return refuse("older-schema");
  const parsed = snapshotSchema.safeParse(value);
  if (!parsed.success) return refuse("invalid");
  if (!isSorted(parsed.data)) return refuse("invalid");
  if (!(await isSealIntact(parsed.data))) return refuse("edited");
  if (tenantId !== null && parsed.data.tenantId !== tenantId.toLowerCase()) return refuse("other-tenant");
  return { ok: true, document: parsed.data };
}

/** The builder writes every list sorted by tenant id, each id once: anything else was edited. */
function isSorted(document: SnapshotDocument): boolean {
  const lists = [document.partners, document.deletedPartners, document.deletedSyncPolicies, document.tenants];
  return lists.every((list) => list.every((entry, index) => index === 0 || (list[index - 1] as { tenantId: string }).tenantId < entry.tenantId));
}
