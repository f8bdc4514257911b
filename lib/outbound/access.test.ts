import { describe, expect, it } from "vitest";
import { toSyncAccess } from "./access";

const claims = (...wids: string[]) => ({ wids: [...wids, "b79fbf4d-3ef9-4689-8143-76b194e85509"] });

describe("who may read and change sync jobs", () => {
  it("an application role changes them; Global Reader reads; Security Administrator alone neither", () => {
    expect(toSyncAccess(claims("194ae4cb-b126-40b2-bd5b-6091b380977d", "158c047a-c907-4556-b7ef-446551a6b5f7"))).toMatchObject({ read: "allowed", write: "allowed" });
    expect(toSyncAccess(claims("f2ef992c-3afb-46b9-b7cf-a126ee74c451"))).toMatchObject({ read: "allowed", write: "denied", writeBlockedReason: expect.stringMatching(/Application Administrator or Cloud Application Administrator/) });
    expect(toSyncAccess(claims("194ae4cb-b126-40b2-bd5b-6091b380977d"))).toMatchObject({ read: "denied", write: "denied", writeBlockedReason: expect.stringMatching(/Security Administrator covers the cross-tenant access policy/) });
  });

  it("an ID token without roles leaves it to Graph", () => {
    expect(toSyncAccess({})).toEqual({ read: "unknown", write: "unknown", writeBlockedReason: null });
  });
});
