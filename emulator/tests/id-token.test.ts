import { describe, expect, it } from "vitest";
import { ROLE } from "../entra/directory";
import { call, decodeJwt, setupEmulator, signIn, type Emulator } from "./helpers";

let emu: Emulator;
setupEmulator((started) => (emu = started));

describe("id_token", () => {
  it.each([
    ["admin@contoso.example", [ROLE.securityAdministrator, ROLE.cloudApplicationAdministrator, ROLE.defaultUser]],
    ["reader@contoso.example", [ROLE.globalReader, ROLE.defaultUser]],
    ["helpdesk@contoso.example", [ROLE.defaultUser]],
    ["secadmin@contoso.example", [ROLE.securityAdministrator, ROLE.defaultUser]],
  ])("carries the directory roles of %s in wids, as Entra does with groupMembershipClaims", async (username, wids) => {
    const token = await signIn(emu, username);
    expect(decodeJwt(token.body.id_token).wids).toEqual(wids);
  });
});

describe("the app registration's groupMembershipClaims", () => {
  it("leaves wids out of ID tokens when set to None, and only there: the access token still carries them", async () => {
    const set = await call(emu, "/_emulator/app-registration", { method: "PUT", body: { groupMembershipClaims: "None" } });
    expect(set).toMatchObject({ status: 200, body: { groupMembershipClaims: "None" } });
    const token = await signIn(emu, "admin@contoso.example");
    expect(decodeJwt(token.body.id_token)).not.toHaveProperty("wids");
    expect(decodeJwt(token.body.access_token).wids).toContain(ROLE.securityAdministrator);
  });

  it("goes back to DirectoryRole on reset", async () => {
    await call(emu, "/_emulator/app-registration", { method: "PUT", body: { groupMembershipClaims: "None" } });
    await call(emu, "/_emulator/reset", { method: "POST" });
    expect((await call(emu, "/_emulator/app-registration")).body).toEqual({ groupMembershipClaims: "DirectoryRole" });
    const token = await signIn(emu, "reader@contoso.example");
    expect(decodeJwt(token.body.id_token).wids).toContain(ROLE.globalReader);
  });

  it("refuses a value Entra does not have", async () => {
    const refused = await call(emu, "/_emulator/app-registration", { method: "PUT", body: { groupMembershipClaims: "Everything" } });
    expect(refused.status).toBe(400);
    expect((await call(emu, "/_emulator/app-registration")).body).toEqual({ groupMembershipClaims: "DirectoryRole" });
  });
});
