import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { makePartner } from "@/tests/model-fixtures";
import { FABRIKAM, HOME, LUCERNE, NORTHWIND, sampleReads, sampleSnapshot } from "@/tests/snapshot-fixtures";
import { canonicalJson } from "./canonical";
import { buildSnapshot, isSealIntact, sealSnapshot, snapshotText } from "./build";
import { SCHEMA_FILE, snapshotJsonSchema, snapshotSchema } from "./schema";

describe("canonical JSON", () => {
  it("sorts keys at every depth, keeps array order, indents by two and ends in a newline", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe(
      '{\n  "a": {\n    "c": null,\n    "d": [\n      3,\n      {\n        "y": 2,\n        "z": 1\n      }\n    ]\n  },\n  "b": 1\n}\n',
    );
  });

  it("gives the same text whatever order the keys were added in, and leaves undefined out", () => {
    expect(canonicalJson({ x: 1, y: undefined, a: [1] })).toBe(canonicalJson({ a: [1], x: 1 }));
  });
});

describe("buildSnapshot", () => {
  it("orders every list by tenant id, whatever order Graph answered in", async () => {
    const document = await sampleSnapshot();
    expect(document.partners.map((p) => p.tenantId)).toEqual([FABRIKAM, NORTHWIND, "33333333-3333-4333-8333-333333333333"]);
    expect(document.tenants.map((t) => t.tenantId)).toEqual([FABRIKAM, NORTHWIND]);
    expect(document.deletedPartners).toMatchObject([{ tenantId: LUCERNE, deletedDateTime: "2026-11-20T00:00:00Z" }]);
    expect(document.deletedSyncPolicies).toMatchObject([{ tenantId: LUCERNE, displayName: "Lucerne", deletedDateTime: "2026-11-20T00:00:00Z" }]);
    expect(document).toMatchObject({ schemaVersion: 1, tenantId: HOME, takenDateTime: "2026-12-01T10:00:00.000Z" });
  });

  it("writes sync policies in Graph's own shape and leaves a live policy's old deletedDateTime out", async () => {
    const document = await sampleSnapshot();
    expect(document.partners[1]?.identitySynchronization).toEqual({ displayName: "Northwind", userSyncInbound: { isSyncAllowed: true }, groupSyncInbound: null, externalCloudAuthorizedApplicationId: null });
  });

  it("gives the same text for the same configuration read in another order, apart from the time", async () => {
    const reads = sampleReads();
    const first = await sealSnapshot(buildSnapshot(reads));
    const second = await sealSnapshot(buildSnapshot({ ...reads, takenDateTime: "2026-12-02T00:00:00.000Z", partners: [...reads.partners].reverse(), tenants: [...reads.tenants].reverse() }));
    expect(second.sha256).toBe(first.sha256);
    expect(snapshotText({ ...second, takenDateTime: first.takenDateTime })).toBe(snapshotText(first));
  });

  it("sorts access targets so their order in Graph's answer does not show as a change", async () => {
    const targets = [
      { target: "b", targetType: "user" },
      { target: "a", targetType: "user" },
    ];
    const partner = makePartner(FABRIKAM, { b2bCollaborationInbound: { usersAndGroups: { accessType: "allowed", targets }, applications: null } });
    const document = await sealSnapshot(buildSnapshot(sampleReads({ partners: [partner] })));
    expect(document.partners[0]?.b2bCollaborationInbound?.usersAndGroups?.targets.map((t) => t.target)).toEqual(["a", "b"]);
  });

  it("holds no token or anything but what the reads returned", async () => {
    const text = snapshotText(await sampleSnapshot());
    expect(text).not.toMatch(/eyJ|Bearer|access_token/);
    expect(snapshotSchema.safeParse(JSON.parse(text)).success).toBe(true);
  });

  it("carries a seal that any edit breaks", async () => {
    const document = await sampleSnapshot();
    expect(await isSealIntact(document)).toBe(true);
    expect(await isSealIntact({ ...document, takenDateTime: "2020-01-01T00:00:00.000Z" })).toBe(true);
    const edited = structuredClone(document);
    edited.partners[0]!.identitySynchronization!.userSyncInbound = { isSyncAllowed: false };
    expect(await isSealIntact(edited)).toBe(false);
  });
});

describe("the JSON Schema file", () => {
  it(`${SCHEMA_FILE} is the schema the dashboard checks files against`, () => {
    expect(readFileSync(SCHEMA_FILE, "utf8")).toBe(canonicalJson(snapshotJsonSchema()));
  });
});
