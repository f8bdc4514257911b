import { describe, expect, it } from "vitest";
import { AUTOMATION_CLIENT_ID, ROLE, SPA_CLIENT_ID } from "../entra/directory";
import {
  authorizeUrl,
  call,
  DASHBOARD_SCOPE,
  decodeJwt,
  PARTNERS,
  pkce,
  redeem,
  REDIRECT_URI,
  redirectParams,
  signIn,
  start,
  submitSignIn,
  setupEmulator,
  type Emulator,
} from "./helpers";

let emu: Emulator;
setupEmulator((started) => (emu = started));

const tokenPath = () => `/${emu.tenantId}/oauth2/v2.0/token`;

describe("metadata", () => {
  it("serves the OpenID configuration with the emulator endpoints and CORS", async () => {
    const res = await call(emu, `/${emu.tenantId}/v2.0/.well-known/openid-configuration`, { headers: { Origin: "http://localhost:3000" } });
    expect(res.status).toBe(200);
    const base = `http://localhost:${emu.port}/${emu.tenantId}`;
    expect(res.body).toMatchObject({
      issuer: `${base}/v2.0`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      token_endpoint: `${base}/oauth2/v2.0/token`,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      jwks_uri: `${base}/discovery/v2.0/keys`,
    });
    expect(res.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
  });

  it("publishes an RS256 JWKS whose kid signs the tokens", async () => {
    const res = await call(emu, `/${emu.tenantId}/discovery/v2.0/keys`);
    expect(res.status).toBe(200);
    const key = res.body.keys[0];
    expect(key).toMatchObject({ kty: "RSA", use: "sig", alg: "RS256" });
    const token = await emu.tokens.appAccessToken();
    const header = JSON.parse(Buffer.from(token.split(".")[0] ?? "", "base64url").toString()) as { kid: string };
    expect(header.kid).toBe(key.kid);
  });

  it("answers CORS preflight on the token endpoint", async () => {
    const res = await fetch(`${emu.url}${tokenPath()}`, {
      method: "OPTIONS",
      headers: { Origin: "http://localhost:3000", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
    expect(res.headers.get("access-control-allow-methods")).toContain("POST");
  });
});

describe("sign-in page", () => {
  it("shows a form with Username, Password, Sign in and the demo accounts", async () => {
    const { challenge } = pkce();
    const res = await fetch(authorizeUrl(emu, { code_challenge: challenge, code_challenge_method: "S256" }));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<label for="username">Username</label>');
    expect(html).toContain('<label for="password">Password</label>');
    expect(html).toContain('<button type="submit">Sign in</button>');
    for (const user of ["admin@contoso.example", "reader@contoso.example", "helpdesk@contoso.example"]) {
      expect(html).toContain(user);
    }
  });

  it("never shows the password, default or custom: it says where it is printed", async () => {
    const { challenge } = pkce();
    const page = await (await fetch(authorizeUrl(emu, { code_challenge: challenge, code_challenge_method: "S256" }))).text();
    expect(page).not.toContain("demo-password");
    expect(page).toContain("Password: printed where the emulator was started");
    const custom = await start({ userPassword: "s3cret-Pa55" });
    try {
      const { challenge } = pkce();
      const html = await (await fetch(authorizeUrl(custom, { code_challenge: challenge, code_challenge_method: "S256" }))).text();
      expect(html).not.toContain("s3cret-Pa55");
      expect(html).not.toContain("demo-password");
      expect(html).toContain("Password: printed where the emulator was started");
      expect(html).toContain("admin@contoso.example");
    } finally {
      await custom.close();
    }
  });

  it("says so on a wrong password and issues nothing", async () => {
    const { challenge } = pkce();
    const res = await submitSignIn(emu, authorizeUrl(emu, { code_challenge: challenge, code_challenge_method: "S256", state: "x" }), "admin@contoso.example", "nope");
    expect(res.status).toBe(200);
    expect(res.headers.get("location")).toBeNull();
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(await res.text()).toContain("Incorrect username or password.");
  });

  it("refuses an unregistered redirect_uri on the page, never redirecting", async () => {
    const { challenge } = pkce();
    const res = await fetch(authorizeUrl(emu, { redirect_uri: "https://evil.example/redirect", code_challenge: challenge, code_challenge_method: "S256" }), { redirect: "manual" });
    expect(res.status).toBe(400);
    expect(res.headers.get("location")).toBeNull();
    expect(await res.text()).toContain("AADSTS50011");
  });

  it("refuses an unknown client", async () => {
    const res = await fetch(authorizeUrl(emu, { client_id: "11111111-1111-4111-8111-111111111111" }), { redirect: "manual" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("AADSTS700016");
  });

  it("requires PKCE", async () => {
    const res = await fetch(authorizeUrl(emu, { state: "st" }), { redirect: "manual" });
    expect(res.status).toBe(302);
    const params = redirectParams(res.headers.get("location"));
    expect(params.get("error")).toBe("invalid_request");
    expect(params.get("state")).toBe("st");
  });
});

describe("authorization code + PKCE", () => {
  it("redirects with code, client_info and state byte for byte in the fragment, then issues MSAL-ready tokens", async () => {
    const { verifier, challenge } = pkce();
    const state = 'eyJpZCI6IjAxOTMtYWJjIiwibWV0YSI6eyJpbnRlcmFjdGlvblR5cGUiOiJyZWRpcmVjdCJ9fQ==|/dashboard?x=1&y=%20 +é"';
    const res = await submitSignIn(
      emu,
      authorizeUrl(emu, { code_challenge: challenge, code_challenge_method: "S256", state, nonce: "nonce-123" }),
      "Admin@Contoso.example",
      "demo-password",
    );
    expect(res.status).toBe(302);
    const location = res.headers.get("location") ?? "";
    expect(location.startsWith(`${REDIRECT_URI}#`)).toBe(true);
    const params = redirectParams(location);
    expect(params.get("state")).toBe(state);
    const code = params.get("code");
    expect(code).toBeTruthy();
    const admin = { uid: "a7c3e1f0-52d4-4b8e-9f6a-0c1d2e3f4a5b", utid: emu.tenantId };
    expect(JSON.parse(Buffer.from(params.get("client_info") ?? "", "base64url").toString())).toEqual(admin);
    expect(res.headers.get("set-cookie")).toContain("SameSite=Lax");

    const token = await redeem(emu, { grant_type: "authorization_code", code: code ?? "", redirect_uri: REDIRECT_URI, code_verifier: verifier });
    expect(token.status).toBe(200);
    expect(token.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
    expect(token.body.token_type).toBe("Bearer");
    expect(token.body.expires_in).toBeGreaterThan(300);
    expect(token.body.scope.split(" ")).toEqual(expect.arrayContaining(DASHBOARD_SCOPE.split(" ").filter((s) => s.startsWith("https"))));
    expect(JSON.parse(Buffer.from(token.body.client_info, "base64url").toString())).toEqual(admin);
    expect(token.body.refresh_token).toBeTruthy();

    const access = decodeJwt(token.body.access_token);
    expect(access).toMatchObject({
      aud: "https://graph.microsoft.com",
      tid: emu.tenantId,
      oid: admin.uid,
      name: "Adele Admin",
      preferred_username: "admin@contoso.example",
      scp: "Policy.Read.All Policy.ReadWrite.CrossTenantAccess",
      iss: emu.issuer,
    });
    expect(access.wids).toContain(ROLE.securityAdministrator);
    expect((access.exp as number) - (access.iat as number)).toBe(3600);

    const id = decodeJwt(token.body.id_token);
    expect(id).toMatchObject({ aud: SPA_CLIENT_ID, nonce: "nonce-123", oid: admin.uid, tid: emu.tenantId, name: "Adele Admin", preferred_username: "admin@contoso.example" });

    const graph = await call(emu, PARTNERS, { token: token.body.access_token });
    expect(graph.status).toBe(200);
  });

  it("gives the reader both consented scopes; the role decides", async () => {
    const token = await signIn(emu, "reader@contoso.example");
    const access = decodeJwt(token.body.access_token);
    expect(access.scp).toBe("Policy.Read.All Policy.ReadWrite.CrossTenantAccess");
    expect(access.wids).toContain(ROLE.globalReader);
  });

  it("honours response_mode=query", async () => {
    const { challenge } = pkce();
    const res = await submitSignIn(emu, authorizeUrl(emu, { code_challenge: challenge, code_challenge_method: "S256", response_mode: "query", state: "q" }), "admin@contoso.example", "demo-password");
    const location = res.headers.get("location") ?? "";
    expect(location.startsWith(`${REDIRECT_URI}?code=`)).toBe(true);
    expect(new URL(location).searchParams.get("state")).toBe("q");
  });

  it("rejects a wrong verifier with invalid_grant and burns the code", async () => {
    const { verifier, challenge } = pkce();
    const res = await submitSignIn(emu, authorizeUrl(emu, { code_challenge: challenge, code_challenge_method: "S256" }), "admin@contoso.example", "demo-password");
    const code = redirectParams(res.headers.get("location")).get("code") ?? "";
    const wrong = await redeem(emu, { grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI, code_verifier: pkce().verifier });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toBe("invalid_grant");
    const right = await redeem(emu, { grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI, code_verifier: verifier });
    expect(right.status).toBe(400);
    expect(right.body.error).toBe("invalid_grant");
  });

  it("redeems a code once only", async () => {
    const { verifier, challenge } = pkce();
    const res = await submitSignIn(emu, authorizeUrl(emu, { code_challenge: challenge, code_challenge_method: "S256" }), "admin@contoso.example", "demo-password");
    const code = redirectParams(res.headers.get("location")).get("code") ?? "";
    const form = { grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI, code_verifier: verifier };
    expect((await redeem(emu, form)).status).toBe(200);
    const again = await redeem(emu, form);
    expect(again.status).toBe(400);
    expect(again.body.error).toBe("invalid_grant");
    expect(again.body.error_codes).toEqual([54005]);
  });

  it("rejects a redirect_uri that differs from the authorize request", async () => {
    const { verifier, challenge } = pkce();
    const res = await submitSignIn(emu, authorizeUrl(emu, { code_challenge: challenge, code_challenge_method: "S256" }), "admin@contoso.example", "demo-password");
    const code = redirectParams(res.headers.get("location")).get("code") ?? "";
    const wrong = await redeem(emu, { grant_type: "authorization_code", code, redirect_uri: "http://localhost:3001/redirect", code_verifier: verifier });
    expect(wrong.body.error).toBe("invalid_grant");
  });
});

describe("refresh tokens", () => {
  it("rotate: the new one works, the old one is spent", async () => {
    const first = await signIn(emu, "admin@contoso.example");
    const old = first.body.refresh_token as string;
    const refreshed = await redeem(emu, { grant_type: "refresh_token", refresh_token: old, scope: DASHBOARD_SCOPE });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).toBeTruthy();
    expect(refreshed.body.refresh_token).not.toBe(old);
    expect(decodeJwt(refreshed.body.access_token).scp).toBe("Policy.Read.All Policy.ReadWrite.CrossTenantAccess");
    expect(refreshed.body.id_token).toBeTruthy();
    const reused = await redeem(emu, { grant_type: "refresh_token", refresh_token: old });
    expect(reused.status).toBe(400);
    expect(reused.body.error).toBe("invalid_grant");
    const next = await redeem(emu, { grant_type: "refresh_token", refresh_token: refreshed.body.refresh_token });
    expect(next.status).toBe(200);
  });

  it("asks for consent for a scope the user never consented to", async () => {
    const first = await signIn(emu, "admin@contoso.example");
    const res = await redeem(emu, { grant_type: "refresh_token", refresh_token: first.body.refresh_token, scope: "https://graph.microsoft.com/Mail.Read" });
    expect(res.body.error).toBe("invalid_grant");
    expect(res.body.suberror).toBe("consent_required");
  });
});

describe("sessions and prompt", () => {
  it("prompt=none without a session answers login_required in the fragment", async () => {
    const { challenge } = pkce();
    const res = await fetch(authorizeUrl(emu, { prompt: "none", code_challenge: challenge, code_challenge_method: "S256", state: "silent" }), { redirect: "manual" });
    expect(res.status).toBe(302);
    const params = redirectParams(res.headers.get("location"));
    expect(params.get("error")).toBe("login_required");
    expect(params.get("state")).toBe("silent");
  });

  it("prompt=none with a session issues a code; prompt=login shows the form; logout ends the session", async () => {
    const { challenge } = pkce();
    const signedIn = await submitSignIn(emu, authorizeUrl(emu, { code_challenge: challenge, code_challenge_method: "S256" }), "reader@contoso.example", "demo-password");
    const cookie = (signedIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const silent = await fetch(authorizeUrl(emu, { prompt: "none", code_challenge: challenge, code_challenge_method: "S256", login_hint: "reader@contoso.example" }), {
      redirect: "manual",
      headers: { Cookie: cookie },
    });
    expect(redirectParams(silent.headers.get("location")).get("code")).toBeTruthy();

    const sso = await fetch(authorizeUrl(emu, { code_challenge: challenge, code_challenge_method: "S256" }), { redirect: "manual", headers: { Cookie: cookie } });
    expect(sso.status).toBe(302);

    const login = await fetch(authorizeUrl(emu, { prompt: "login", code_challenge: challenge, code_challenge_method: "S256" }), { redirect: "manual", headers: { Cookie: cookie } });
    expect(login.status).toBe(200);
    expect(await login.text()).toContain("Sign in");

    const logout = await fetch(`${emu.url}/${emu.tenantId}/oauth2/v2.0/logout?post_logout_redirect_uri=${encodeURIComponent("http://localhost:3000/")}`, {
      redirect: "manual",
      headers: { Cookie: cookie },
    });
    expect(logout.status).toBe(302);
    expect(logout.headers.get("location")).toBe("http://localhost:3000/");
    const after = await fetch(authorizeUrl(emu, { prompt: "none", code_challenge: challenge, code_challenge_method: "S256" }), { redirect: "manual", headers: { Cookie: cookie } });
    expect(redirectParams(after.headers.get("location")).get("error")).toBe("login_required");
  });

  it("accepts the id_token's opaque login_hint as MSAL sends it back", async () => {
    const { challenge } = pkce();
    const signedIn = await submitSignIn(emu, authorizeUrl(emu, { code_challenge: challenge, code_challenge_method: "S256" }), "admin@contoso.example", "demo-password");
    const cookie = (signedIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const opaqueHint = Buffer.from(JSON.stringify({ uid: "x", utid: emu.tenantId, upn: "admin@contoso.example" })).toString("base64url");

    const sso = await fetch(authorizeUrl(emu, { code_challenge: challenge, code_challenge_method: "S256", login_hint: opaqueHint }), { redirect: "manual", headers: { Cookie: cookie } });
    expect(sso.status).toBe(302);
    expect(redirectParams(sso.headers.get("location")).get("code")).toBeTruthy();

    const fresh = await fetch(authorizeUrl(emu, { code_challenge: challenge, code_challenge_method: "S256", login_hint: opaqueHint }));
    expect(await fresh.text()).toContain('value="admin@contoso.example"');
  });

  it("logout to an unregistered origin shows a page instead of redirecting", async () => {
    const res = await fetch(`${emu.url}/${emu.tenantId}/oauth2/v2.0/logout?post_logout_redirect_uri=${encodeURIComponent("https://evil.example/")}`, { redirect: "manual" });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("signed out");
  });

  it("reset clears sessions", async () => {
    const { challenge } = pkce();
    const signedIn = await submitSignIn(emu, authorizeUrl(emu, { code_challenge: challenge, code_challenge_method: "S256" }), "admin@contoso.example", "demo-password");
    const cookie = (signedIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    await call(emu, "/_emulator/reset", { method: "POST" });
    const silent = await fetch(authorizeUrl(emu, { prompt: "none", code_challenge: challenge, code_challenge_method: "S256" }), { redirect: "manual", headers: { Cookie: cookie } });
    expect(redirectParams(silent.headers.get("location")).get("error")).toBe("login_required");
  });
});

describe("client credentials", () => {
  const ccForm = { grant_type: "client_credentials", scope: "https://graph.microsoft.com/.default" };

  it("issues an app token for a secret in the body", async () => {
    const res = await call(emu, tokenPath(), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ ...ccForm, client_id: AUTOMATION_CLIENT_ID, client_secret: "emulator-automation-secret" }).toString(),
    });
    expect(res.status).toBe(200);
    expect(res.body.refresh_token).toBeUndefined();
    const claims = decodeJwt(res.body.access_token);
    expect(claims).toMatchObject({ aud: "https://graph.microsoft.com", tid: emu.tenantId, idtyp: "app", appid: AUTOMATION_CLIENT_ID });
    expect(claims.roles).toEqual([
      "Policy.Read.All",
      "Policy.ReadWrite.CrossTenantAccess",
      "CrossTenantInformation.ReadBasic.All",
      "AuditLog.Read.All",
      "Directory.Read.All",
      "Synchronization.ReadWrite.All",
      "Application.Read.All",
      "User.Read.All",
    ]);
    expect(claims.scp).toBeUndefined();
    const graph = await call(emu, `${PARTNERS}?$expand=identitySynchronization`, { token: res.body.access_token });
    expect(graph.status).toBe(200);
  });

  it("accepts HTTP Basic client authentication", async () => {
    const basic = Buffer.from(`${AUTOMATION_CLIENT_ID}:emulator-automation-secret`).toString("base64");
    const res = await call(emu, tokenPath(), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Authorization: `Basic ${basic}` },
      body: new URLSearchParams(ccForm).toString(),
    });
    expect(res.status).toBe(200);
    expect(res.body.access_token).toBeTruthy();
  });

  it("refuses a wrong secret (401 invalid_client) and a non-.default scope", async () => {
    const wrong = await call(emu, tokenPath(), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ ...ccForm, client_id: AUTOMATION_CLIENT_ID, client_secret: "nope" }).toString(),
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toBe("invalid_client");
    const scope = await call(emu, tokenPath(), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ ...ccForm, scope: "Policy.Read.All", client_id: AUTOMATION_CLIENT_ID, client_secret: "emulator-automation-secret" }).toString(),
    });
    expect(scope.status).toBe(400);
    expect(scope.body.error).toBe("invalid_scope");
  });

  it("refuses unsupported grant types", async () => {
    const res = await redeem(emu, { grant_type: "password", username: "admin@contoso.example", password: "demo-password" });
    expect(res.body.error).toBe("unsupported_grant_type");
  });
});
