import { describe, expect, it } from "vitest";
import { AUDIT_LOG_READ_ALL } from "../entra/directory";
import {
  authorizeUrl,
  call,
  decodeJwt,
  formAction,
  hiddenFields,
  pkce,
  redeem,
  redirectParams,
  REDIRECT_URI,
  setupEmulator,
  signIn,
  submitSignIn,
  type Emulator,
} from "./helpers";

let emu: Emulator;
setupEmulator((started) => (emu = started));

const AUDIT_SCOPE = `https://graph.microsoft.com/${AUDIT_LOG_READ_ALL}`;
const WITH_AUDIT = `https://graph.microsoft.com/Policy.Read.All ${AUDIT_SCOPE} openid profile offline_access`;

/** Starts an interactive sign-in that needs consent; returns the consent page and what finishing needs. */
async function reachConsentPage(username = "admin@contoso.example", extra: Record<string, string> = {}) {
  const { verifier, challenge } = pkce();
  const url = authorizeUrl(emu, { scope: WITH_AUDIT, code_challenge: challenge, code_challenge_method: "S256", state: "st", nonce: "n", ...extra });
  const res = await submitSignIn(emu, url, username, "demo-password");
  const html = await res.text();
  return { res, html, verifier, cookie: (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "" };
}

async function answer(html: string, choice: "accept" | "cancel"): Promise<Response> {
  const form = new URLSearchParams(hiddenFields(html));
  form.set("consent", choice);
  return fetch(`${emu.url}${formAction(html)}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: form.toString(),
    redirect: "manual",
  });
}

const consents = async () => (await call(emu, "/_emulator/consents")).body.consents as { username: string; scopes: string[] }[];
const adminConsent = async () => (await consents()).find((c) => c.username === "admin@contoso.example")?.scopes ?? [];

describe("incremental consent", () => {
  it("demo users start without AuditLog.Read.All; the control API says so", async () => {
    const scopes = await adminConsent();
    expect(scopes).toContain("Policy.ReadWrite.CrossTenantAccess");
    expect(scopes).toContain("CrossTenantInformation.ReadBasic.All");
    expect(scopes).not.toContain(AUDIT_LOG_READ_ALL);
  });

  it("an interactive sign-in for a new scope shows a consent page; Accept issues a token with it and remembers", async () => {
    const { res, html, verifier, cookie } = await reachConsentPage();
    expect(res.status).toBe(200);
    expect(html).toContain("Permissions requested");
    expect(html).toContain("Read audit log data");
    expect(html).toMatch(/<button[^>]*value="accept"[^>]*>Accept<\/button>/);
    expect(html).toMatch(/<button[^>]*value="cancel"[^>]*>Cancel<\/button>/);
    expect(html).not.toContain("<code>Policy.Read.All</code>");

    const accepted = await answer(html, "accept");
    expect(accepted.status).toBe(302);
    const params = redirectParams(accepted.headers.get("location"));
    expect(params.get("state")).toBe("st");
    const tokens = await redeem(emu, { grant_type: "authorization_code", code: params.get("code") ?? "", redirect_uri: REDIRECT_URI, code_verifier: verifier });
    expect(tokens.status).toBe(200);
    expect(String(decodeJwt(tokens.body.access_token).scp).split(" ")).toContain(AUDIT_LOG_READ_ALL);
    expect((await call(emu, "/beta/auditLogs/directoryAudits?$top=1", { token: tokens.body.access_token })).status).toBe(200);
    expect(await adminConsent()).toContain(AUDIT_LOG_READ_ALL);

    // From now on silent requests get it: prompt=none with the session, and a refresh asking for it.
    const { challenge } = pkce();
    const silent = await fetch(authorizeUrl(emu, { scope: WITH_AUDIT, code_challenge: challenge, code_challenge_method: "S256", prompt: "none" }), {
      headers: { Cookie: cookie },
      redirect: "manual",
    });
    expect(redirectParams(silent.headers.get("location")).get("code")).toBeTruthy();
    const refreshed = await redeem(emu, { grant_type: "refresh_token", refresh_token: tokens.body.refresh_token, scope: `${AUDIT_SCOPE} openid offline_access` });
    expect(refreshed.status).toBe(200);
    // Used once, the answer to a consent page cannot be replayed.
    const replay = await answer(html, "accept");
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain("expired or was already answered");
  });

  it("Cancel answers access_denied and grants nothing", async () => {
    const { html } = await reachConsentPage();
    const cancelled = await answer(html, "cancel");
    expect(cancelled.status).toBe(302);
    const params = redirectParams(cancelled.headers.get("location"));
    expect(params.get("error")).toBe("access_denied");
    expect(params.get("error_description")).toContain("AADSTS65004");
    expect(params.get("code")).toBeNull();
    expect(await adminConsent()).not.toContain(AUDIT_LOG_READ_ALL);
  });

  it("silent requests for a scope not consented answer consent_required, never a page", async () => {
    const { html, cookie } = await reachConsentPage();
    expect(html).toContain("Permissions requested");
    const { challenge } = pkce();
    const silent = await fetch(authorizeUrl(emu, { scope: WITH_AUDIT, code_challenge: challenge, code_challenge_method: "S256", prompt: "none" }), {
      headers: { Cookie: cookie },
      redirect: "manual",
    });
    expect(silent.status).toBe(302);
    expect(redirectParams(silent.headers.get("location")).get("error")).toBe("consent_required");

    const first = await signIn(emu, "admin@contoso.example");
    const refreshed = await redeem(emu, { grant_type: "refresh_token", refresh_token: first.body.refresh_token, scope: `${AUDIT_SCOPE} openid offline_access` });
    expect(refreshed.status).toBe(400);
    expect(refreshed.body.error).toBe("invalid_grant");
    expect(refreshed.body.suberror).toBe("consent_required");
  });

  it("prompt=consent asks again for what is already granted", async () => {
    const { html } = await reachConsentPage("reader@contoso.example", { scope: "https://graph.microsoft.com/Policy.Read.All openid", prompt: "consent" });
    expect(html).toContain("<code>Policy.Read.All</code>");
    const accepted = await answer(html, "accept");
    expect(redirectParams(accepted.headers.get("location")).get("code")).toBeTruthy();
  });

  it("the control API sets and resets consent; reset to seed clears it too", async () => {
    const set = await call(emu, "/_emulator/consents", { method: "PUT", body: { username: "admin@contoso.example", scopes: ["Policy.Read.All", AUDIT_LOG_READ_ALL] } });
    expect(set.status).toBe(200);
    expect(await adminConsent()).toEqual(["Policy.Read.All", AUDIT_LOG_READ_ALL]);
    const tokens = await signIn(emu, "admin@contoso.example", WITH_AUDIT);
    expect(tokens.status).toBe(200);
    expect(String(decodeJwt(tokens.body.access_token).scp)).toBe(`Policy.Read.All ${AUDIT_LOG_READ_ALL}`);

    expect((await call(emu, "/_emulator/consents", { method: "DELETE" })).status).toBe(200);
    expect(await adminConsent()).not.toContain(AUDIT_LOG_READ_ALL);
    await call(emu, "/_emulator/consents", { method: "PUT", body: { username: "admin@contoso.example", scopes: [AUDIT_LOG_READ_ALL] } });
    await call(emu, "/_emulator/reset", { method: "POST" });
    expect(await adminConsent()).toContain("Policy.ReadWrite.CrossTenantAccess");
    expect(await adminConsent()).not.toContain(AUDIT_LOG_READ_ALL);

    expect((await call(emu, "/_emulator/consents", { method: "PUT", body: { username: "nobody@contoso.example", scopes: [] } })).status).toBe(400);
    expect((await call(emu, "/_emulator/consents", { method: "PUT", body: { username: "admin@contoso.example", scopes: ["not a scope"] } })).status).toBe(400);
    expect((await call(emu, "/_emulator/consents", { method: "PUT", body: { username: "admin@contoso.example", scopes: null } })).status).toBe(200);
  });
});
