import { describe, expect, it } from "vitest";
import { toAccessProfile, DIRECTORY_ROLES } from "./claims";

function token(claims: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${encode({ alg: "RS256", typ: "JWT" })}.${encode(claims)}.signature`;
}

const BOTH_SCOPES = "Policy.Read.All Policy.ReadWrite.CrossTenantAccess";

describe("toAccessProfile", () => {
  it("lets a Security Administrator with the write scope restore", () => {
    const profile = toAccessProfile(token({ scp: BOTH_SCOPES, wids: [DIRECTORY_ROLES.securityAdministrator.id] }));
    expect(profile).toMatchObject({ canRead: true, canWrite: true, writeBlockedReason: null, roleNames: ["Security Administrator"] });
  });

  it("explains that a Global Reader cannot restore", () => {
    const profile = toAccessProfile(token({ scp: BOTH_SCOPES, wids: [DIRECTORY_ROLES.globalReader.id] }));
    expect(profile.canRead).toBe(true);
    expect(profile.canWrite).toBe(false);
    expect(profile.writeBlockedReason).toMatch(/Security Administrator or Global Administrator role/);
  });

  it("names the missing scope when the role is there", () => {
    const profile = toAccessProfile(token({ scp: "Policy.Read.All", wids: [DIRECTORY_ROLES.globalAdministrator.id] }));
    expect(profile.canWrite).toBe(false);
    expect(profile.writeBlockedReason).toMatch(/Policy\.ReadWrite\.CrossTenantAccess/);
  });

  it("blocks reading without a directory role", () => {
    const profile = toAccessProfile(token({ scp: BOTH_SCOPES, wids: [] }));
    expect(profile).toMatchObject({ canRead: false, canWrite: false, roleNames: [] });
    expect(profile.readBlockedReason).toMatch(/Security Reader/);
  });

  it("treats an unreadable token as no permission", () => {
    expect(toAccessProfile("garbage")).toMatchObject({ canRead: false, canWrite: false });
  });
});
