import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DIRECTORY_ROLES, toAccessProfile } from "./claims";

const MEMBER = "b79fbf4d-3ef9-4689-8143-76b194e85509";
const CUSTOM_ROLE = "0f1e2d3c-4b5a-4968-8776-655443322110";
const denial = { code: "Authorization_RequestDenied", requestId: "req-403" };

describe("toAccessProfile", () => {
  it("lets a Security Administrator restore, from the ID token's wids", () => {
    expect(toAccessProfile({ wids: [DIRECTORY_ROLES.securityAdministrator.id, MEMBER] }, null)).toEqual({
      roleNames: ["Security Administrator"],
      write: "allowed",
      writeBlockedReason: null,
      writeNote: null,
      auditRead: "allowed",
    });
  });

  it("tells a Global Reader why Restore is unavailable before any click", () => {
    const profile = toAccessProfile({ wids: [DIRECTORY_ROLES.globalReader.id, MEMBER] }, null);
    expect(profile.write).toBe("denied");
    expect(profile.roleNames).toEqual(["Global Reader"]);
    expect(profile.writeBlockedReason).toMatch(/shows Global Reader, which can read but not change anything/);
  });

  it.each([
    ["no wids claim (groupMembershipClaims not set)", {}],
    ["no ID token claims at all", undefined],
    ["only a custom role", { wids: [CUSTOM_ROLE, MEMBER] }],
  ])("never blocks a write on a missing hint: %s", (_case, claims) => {
    const profile = toAccessProfile(claims, null);
    expect(profile.write).toBe("unknown");
    expect(profile.writeBlockedReason).toBeNull();
    expect(profile.writeNote).toMatch(/Microsoft Graph decides/);
  });

  it("blocks writes and the audit-log offer for a sign-in with no directory role at all, saying how a PIM role is picked up", () => {
    const profile = toAccessProfile({ wids: [MEMBER] }, null);
    expect(profile.write).toBe("denied");
    expect(profile.writeBlockedReason).toMatch(/shows no directory role.*Security Administrator or Global Administrator.*activated it in PIM after signing in, sign in again/);
    expect(profile.auditRead).toBe("denied");
    expect(toAccessProfile({ wids: [CUSTOM_ROLE, MEMBER] }, null).auditRead).toBe("unknown");
    expect(toAccessProfile({}, null).auditRead).toBe("unknown");
    expect(toAccessProfile({ wids: [DIRECTORY_ROLES.globalReader.id, MEMBER] }, null).auditRead).toBe("allowed");
  });

  it("takes the hint from the first 403 of the session when the ID token has none", () => {
    const profile = toAccessProfile({}, denial);
    expect(profile.write).toBe("denied");
    expect(profile.writeBlockedReason).toMatch(/Microsoft Graph refused a request for your account earlier in this session \(Authorization_RequestDenied\)/);
    expect(profile.writeBlockedReason).toMatch(/Request ID: req-403/);
  });

  it("lets the ID token's restoring role outweigh an earlier 403: Graph decides at the click", () => {
    expect(toAccessProfile({ wids: [DIRECTORY_ROLES.globalAdministrator.id] }, denial).write).toBe("allowed");
  });

  it("reads no access token: a JWT passed in its place gives no role", () => {
    const jwt = "eyJhbGciOiJub25lIn0.eyJ3aWRzIjpbIjE5NGFlNGNiLWIxMjYtNDBiMi1iZDViLTYwOTFiMzgwOTc3ZCJdfQ.";
    expect(toAccessProfile({ accessToken: jwt }, null).write).toBe("unknown");
  });
});

describe("browser modules", () => {
  it("decode no JWT: jose stays out of lib/auth", () => {
    for (const file of ["claims.ts", "use-access-profile.ts", "use-graph-token.ts", "permission-denials.ts"]) {
      expect(readFileSync(new URL(`./${file}`, import.meta.url), "utf8")).not.toMatch(/from "jose"|decodeJwt|atob\(/);
    }
  });
});
