import { describe, expect, it } from "vitest";
import { HOME, sampleSnapshot } from "@/tests/snapshot-fixtures";
import { snapshotText } from "./build";
import { parseSnapshot, REFUSALS, refuseBySize } from "./parse";
import { MAX_SNAPSHOT_BYTES } from "./schema";

const OTHER = "0a0a0a0a-0a0a-4a0a-8a0a-0a0a0a0a0a0a";

async function textWith(edit: (document: Record<string, unknown>) => void): Promise<string> {
  const document = JSON.parse(snapshotText(await sampleSnapshot())) as Record<string, unknown>;
  edit(document);
  return JSON.stringify(document, null, 2);
}

describe("parseSnapshot", () => {
  it("reads back what was exported", async () => {
    const document = await sampleSnapshot();
    expect(await parseSnapshot(snapshotText(document), HOME.toUpperCase())).toEqual({ ok: true, document });
  });

  const MARKER = "zzHostileMarker<script>";
  const cases: { name: string; text: () => Promise<string>; refusal: keyof typeof REFUSALS }[] = [
    { name: "a truncated file", text: async () => snapshotText(await sampleSnapshot()).slice(0, 400), refusal: "not-json" },
    { name: "a file that is not JSON", text: async () => `${MARKER} hello`, refusal: "not-json" },
    { name: "JSON that is not a snapshot", text: async () => JSON.stringify([MARKER]), refusal: "not-snapshot" },
    { name: "a newer schema", text: () => textWith((d) => (d.schemaVersion = 2)), refusal: "newer-schema" },
    { name: "an older schema", text: () => textWith((d) => (d.schemaVersion = 0)), refusal: "older-schema" },
    { name: "an unknown key", text: () => textWith((d) => (d[MARKER] = MARKER)), refusal: "invalid" },
    { name: "a value of the wrong type", text: () => textWith((d) => ((d.partners as Record<string, unknown>[])[0]!.isServiceProvider = MARKER)), refusal: "invalid" },
    { name: "a tenant id that is not a GUID", text: () => textWith((d) => ((d.partners as Record<string, unknown>[])[0]!.tenantId = MARKER)), refusal: "invalid" },
    { name: "a name longer than Graph allows", text: () => textWith((d) => ((d.tenants as Record<string, unknown>[])[0]!.displayName = MARKER.repeat(100))), refusal: "invalid" },
    { name: "partners out of order", text: () => textWith((d) => (d.partners as unknown[]).reverse()), refusal: "invalid" },
    {
      name: "a hand edit that keeps the schema",
      text: () => textWith((d) => ((d.partners as { identitySynchronization: { userSyncInbound: unknown } }[])[0]!.identitySynchronization.userSyncInbound = { isSyncAllowed: false })),
      refusal: "edited",
    },
    { name: "another tenant's snapshot", text: () => textWith((d) => (d.tenantId = OTHER)), refusal: "edited" },
  ];

  it.each(cases)("$name: refused in fixed words, quoting nothing from the file", async ({ text, refusal }) => {
    const answer = await parseSnapshot(await text(), HOME);
    expect(answer).toEqual({ ok: false, refusal, message: REFUSALS[refusal] });
    if (!answer.ok) expect(answer.message).not.toContain(MARKER.slice(0, 8));
  });

  it("refuses a sealed snapshot of another tenant, without naming it", async () => {
    const document = await sampleSnapshot({ tenantId: OTHER });
    const answer = await parseSnapshot(snapshotText(document), HOME);
    expect(answer).toMatchObject({ ok: false, refusal: "other-tenant" });
    expect(JSON.stringify(answer)).not.toContain(OTHER);
  });

  it("refuses by size before reading", () => {
    expect(refuseBySize(MAX_SNAPSHOT_BYTES + 1)).toMatchObject({ ok: false, refusal: "too-large" });
    expect(refuseBySize(0)).toMatchObject({ ok: false, refusal: "empty" });
    expect(refuseBySize(10)).toBeNull();
  });
});
