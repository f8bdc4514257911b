import { describe, expect, it } from "vitest";
import { ROLE } from "../entra/directory";
import { decodeJwt, setupEmulator, signIn, type Emulator } from "./helpers";

let emu: Emulator;
setupEmulator((started) => (emu = started));

describe("id_token", () => {
  it.each([
    ["admin@contoso.example", [ROLE.securityAdministrator, ROLE.defaultUser]],
    ["reader@contoso.example", [ROLE.globalReader, ROLE.defaultUser]],
    ["helpdesk@contoso.example", [ROLE.defaultUser]],
  ])("carries the directory roles of %s in wids, as Entra does with groupMembershipClaims", async (username, wids) => {
    const token = await signIn(emu, username);
    expect(decodeJwt(token.body.id_token).wids).toEqual(wids);
  });
});
