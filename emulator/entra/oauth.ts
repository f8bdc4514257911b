/**
 * Entra ID v2.0 endpoints for the home tenant: OpenID configuration, JWKS,
 * authorize (sign-in page, SSO session, prompt handling, PKCE), token
 * (authorization_code, refresh_token with rotation, client_credentials) and
 * logout. Sessions, codes and refresh tokens live in memory only.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Clock } from "../clock";
import { corsHeaders, headerValue, parseCookies, preflightHeaders, readBody, send, sendHtml, sendJson } from "../http";
import {
  AUTOMATION_CLIENT_ID,
  findAccount,
  findAccountByOid,
  GRAPH_APP_ID,
  GRAPH_RESOURCE,
  isRegisteredOrigin,
  isRegisteredRedirectUri,
  SPA_CLIENT_ID,
  SPA_CLIENT_NAME,
  type Account,
} from "./directory";
import type { SigningKey } from "./keys";
import { renderConsentPage, renderMessagePage, renderSignInPage } from "./sign-in-page";
import { clientInfo, grantScopes, parseScopes, scopeString, type TokenIssuer } from "./tokens";

export interface EntraConfig {
  tenantId: string;
  clientSecret: string;
  userPassword: string;
  redirectUris: readonly string[];
}

interface EntraDeps {
  config: EntraConfig;
  key: SigningKey;
  clock: Clock;
  tokens: TokenIssuer;
  /** http://localhost:<port>: what issuer and metadata endpoints are built on. */
  publicUrl: () => string;
}

interface Session {
  oid: string;
}

interface Grant {
  clientId: string;
  oid: string;
  graphScopes: string[];
  oidc: string[];
  sessionId: string;
  expiresAt: number;
}

/** A consent page on screen: what it asks for and for whom. One-time. */
interface ConsentTicket {
  oid: string;
  sessionId: string;
  scopes: string[];
  expiresAt: number;
}

interface CodeGrant extends Grant {
  redirectUri: string;
  codeChallenge: string;
  nonce: string | null;
}

/** One token-endpoint request, as every grant handler needs it. */
interface TokenRequest {
  req: IncomingMessage;
  res: ServerResponse;
  form: URLSearchParams;
  clientId: string;
  /** Answers with an OAuth error (AADSTS code in the body). */
  fail: (status: number, error: string, code: number, message: string, extra?: Record<string, string>) => void;
}

const CODE_LIFETIME_MS = 10 * 60 * 1000;
// SPA refresh tokens live 24 hours in Entra and are not extended on use.
const REFRESH_LIFETIME_SECONDS = 24 * 60 * 60;
const BURNT_LIMIT = 5_000;

const WRONG_CREDENTIALS = "Incorrect username or password.";

function opaque(): string {
  return randomBytes(32).toString("base64url");
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function s256(verifier: string): string {
  return createHash("sha256").update(verifier).digest("base64url");
}

export const GROUP_MEMBERSHIP_CLAIMS = ["None", "DirectoryRole", "All"] as const;
export type GroupMembershipClaims = (typeof GROUP_MEMBERSHIP_CLAIMS)[number];

export class Entra {
  private readonly d: EntraDeps;
  private readonly sessions = new Map<string, Session>();
  private readonly codes = new Map<string, CodeGrant>();
  private readonly burntCodes = new Set<string>();
  private readonly refreshTokens = new Map<string, Grant>();
  /** Consent granted since start (or reset), by oid, on top of each account's initial consent. */
  private readonly consents = new Map<string, Set<string>>();
  private readonly consentTickets = new Map<string, ConsentTicket>();
  /** The SPA registration's groupMembershipClaims: whether ID tokens carry directory roles (`wids`). */
  private groupMembershipClaims: GroupMembershipClaims = "DirectoryRole";

  constructor(deps: EntraDeps) {
    this.d = deps;
  }

  get tenantId(): string {
    return this.d.config.tenantId;
  }

  private issuer(): string {
    return `${this.d.publicUrl()}/${this.d.config.tenantId}/v2.0`;
  }

  private endpoint(path: string): string {
    return `${this.d.publicUrl()}/${this.d.config.tenantId}/${path}`;
  }

  private get cookieName(): string {
    // Cookies ignore ports: name the cookie per emulator port so two emulators on localhost do not collide.
    return `emulator_session_${new URL(this.d.publicUrl()).port || "80"}`;
  }

  clearSessions(): void {
    this.sessions.clear();
    this.codes.clear();
    this.consentTickets.clear();
  }

  // ---- consent ---------------------------------------------------------------------------

  /** The delegated Graph scopes this user has consented to for the dashboard. */
  consentedScopes(account: Account): string[] {
    return [...(this.consents.get(account.oid) ?? account.consentedScopes)];
  }

  private addConsent(account: Account, scopes: readonly string[]): void {
    const current = new Set(this.consentedScopes(account));
    for (const s of scopes) current.add(s);
    this.consents.set(account.oid, current);
  }

  /** Sets a user's consent exactly (control API); null puts back the initial consent. */
  setConsent(account: Account, scopes: readonly string[] | null): void {
    if (scopes === null) this.consents.delete(account.oid);
    else this.consents.set(account.oid, new Set(scopes));
  }

  get appRegistration(): { groupMembershipClaims: GroupMembershipClaims } {
    return { groupMembershipClaims: this.groupMembershipClaims };
  }

  setGroupMembershipClaims(value: GroupMembershipClaims): void {
    this.groupMembershipClaims = value;
  }

  /** Every user back to the consent they had at start. */
  resetConsents(): void {
    this.consents.clear();
    this.consentTickets.clear();
  }

  /** True when the tenant segment names this tenant (id, or the multi-tenant aliases). */
  acceptsTenant(segment: string): boolean {
    const s = segment.toLowerCase();
    return s === this.d.config.tenantId.toLowerCase() || s === "organizations" || s === "common";
  }

  async handle(req: IncomingMessage, res: ServerResponse, url: URL, rest: string): Promise<void> {
    const method = req.method ?? "GET";
    if (method === "OPTIONS") return send(res, 204, null, preflightHeaders(req));
    switch (rest.toLowerCase()) {
      case "v2.0/.well-known/openid-configuration":
        return sendJson(res, 200, this.openIdConfiguration(), { ...corsHeaders(req), "Cache-Control": "max-age=86400" });
      case "discovery/v2.0/keys":
        return sendJson(res, 200, this.d.key.jwks(), { ...corsHeaders(req), "Cache-Control": "max-age=86400" });
      case "oauth2/v2.0/authorize":
        if (method !== "GET" && method !== "POST") return this.oauthError(req, res, 405, "invalid_request", 900561, "The endpoint only accepts GET and POST requests.");
        return this.authorize(req, res, url);
      case "oauth2/v2.0/token":
        if (method !== "POST") return this.oauthError(req, res, 405, "invalid_request", 900561, "The endpoint only accepts POST requests.");
        return this.token(req, res);
      case "oauth2/v2.0/logout":
        return this.logout(req, res, url);
      default:
        return sendJson(res, 404, { error: "not_found", error_description: `No Entra endpoint at '${url.pathname}'.` }, corsHeaders(req));
    }
  }

  private openIdConfiguration(): Record<string, unknown> {
    return {
      token_endpoint: this.endpoint("oauth2/v2.0/token"),
      token_endpoint_auth_methods_supported: ["client_secret_post", "client_secret_basic"],
      jwks_uri: this.endpoint("discovery/v2.0/keys"),
      response_modes_supported: ["query", "fragment"],
      subject_types_supported: ["pairwise"],
      id_token_signing_alg_values_supported: ["RS256"],
      response_types_supported: ["code"],
      scopes_supported: ["openid", "profile", "email", "offline_access"],
      issuer: this.issuer(),
      request_uri_parameter_supported: false,
      authorization_endpoint: this.endpoint("oauth2/v2.0/authorize"),
      end_session_endpoint: this.endpoint("oauth2/v2.0/logout"),
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      code_challenge_methods_supported: ["S256"],
      grant_types_supported: ["authorization_code", "refresh_token", "client_credentials"],
      claims_supported: ["sub", "iss", "aud", "exp", "iat", "nbf", "name", "nonce", "oid", "preferred_username", "tid", "ver", "sid", "login_hint"],
      tenant_region_scope: "NA",
      cloud_instance_name: "microsoftonline.com",
      cloud_graph_host_name: "graph.windows.net",
      msgraph_host: "graph.microsoft.com",
    };
  }

  // ---- authorize -------------------------------------------------------------------------

  private sessionAccount(req: IncomingMessage): { account: Account; sessionId: string } | null {
    const sessionId = parseCookies(req).get(this.cookieName);
    const session = sessionId ? this.sessions.get(sessionId) : undefined;
    const account = session ? findAccountByOid(session.oid) : undefined;
    return sessionId && account ? { account, sessionId } : null;
  }

  private async authorize(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    let params = url.searchParams;
    let form: URLSearchParams | null = null;
    if (req.method === "POST") {
      form = new URLSearchParams((await readBody(req, 64 * 1024)).toString("utf8"));
      params = new URLSearchParams(form);
      params.delete("username");
      params.delete("password");
    }

    const clientId = params.get("client_id") ?? "";
    if (clientId !== SPA_CLIENT_ID) {
      return this.errorPage(res, `AADSTS700016: Application with identifier '${clientId}' was not found in the directory, or is not a public client that signs users in.`);
    }
    const redirectUri = params.get("redirect_uri") ?? "";
    if (!isRegisteredRedirectUri(redirectUri, this.d.config.redirectUris)) {
      return this.errorPage(res, `AADSTS50011: The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${clientId}'.`);
    }
    const mode = params.get("response_mode") ?? "fragment";
    if (mode !== "fragment" && mode !== "query") {
      return this.errorPage(res, `AADSTS900144: The response_mode '${mode}' is not supported by this emulator; use fragment or query.`);
    }
    // What the consent page posted back is not part of the request it answers.
    const consentAnswer = form ? { ticket: form.get("consent_ticket"), choice: form.get("consent") } : null;
    params.delete("consent_ticket");
    params.delete("consent");
    const state = params.get("state");
    const reply = (pairs: [string, string][], headers: Record<string, string> = {}) => {
      if (state !== null) pairs.push(["state", state]);
      const encoded = pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&");
      const location = mode === "query" ? `${redirectUri}?${encoded}` : `${redirectUri}#${encoded}`;
      send(res, 302, null, { Location: location, "Cache-Control": "no-store", ...headers });
    };
    const fail = (error: string, description: string) =>
      reply([["error", error], ["error_description", `${description}\r\nTrace ID: ${randomUUID()}\r\nTimestamp: ${this.d.clock.nowIso()}`]]);

    if (params.get("response_type") !== "code") {
      return fail("unsupported_response_type", "AADSTS700054: Only response_type 'code' is enabled for this application.");
    }
    const challenge = params.get("code_challenge");
    if (!challenge) return fail("invalid_request", "AADSTS9002325: Proof Key for Code Exchange is required for cross-origin authorization code redemption.");
    if (params.get("code_challenge_method") !== "S256") {
      return fail("invalid_request", "AADSTS501491: Invalid code_challenge_method: this tenant requires S256.");
    }
    const scopes = parseScopes(params.get("scope") ?? "");
    if (!scopes.ok) return fail("invalid_scope", `AADSTS70011: The provided value for the input parameter 'scope' is not valid. The scope ${scopes.scope} is not valid.`);

    const prompt = params.get("prompt");
    const complete = (account: Account, sessionId: string, headers: Record<string, string> = {}, justConsented = false) => {
      const consented = this.consentedScopes(account);
      const granted = grantScopes(scopes.value, consented);
      // prompt=consent asks again for everything requested, even what was granted before.
      if (!granted.ok || (prompt === "consent" && !justConsented)) {
        const ask = granted.ok ? requestedGraphScopes(scopes.value.graph, consented) : granted.missing;
        if (prompt === "none") {
          return fail("consent_required", `AADSTS65001: The user or administrator has not consented to use the application with ID '${clientId}' for ${ask.join(", ")}.`);
        }
        return this.consentPage(res, url, params, account, sessionId, ask, headers);
      }
      const code = opaque();
      this.sweep();
      this.codes.set(code, {
        clientId,
        oid: account.oid,
        graphScopes: granted.scopes,
        oidc: scopes.value.oidc,
        sessionId,
        expiresAt: this.d.clock.now() + CODE_LIFETIME_MS,
        redirectUri,
        codeChallenge: challenge,
        nonce: params.get("nonce"),
      });
      reply([["code", code], ["client_info", clientInfo(account.oid, this.tenantId)], ["session_state", sessionId]], headers);
    };

    const hint = usernameFromLoginHint(params.get("login_hint")?.trim() ?? "");
    if (consentAnswer?.ticket) {
      const ticket = this.consentTickets.get(consentAnswer.ticket);
      this.consentTickets.delete(consentAnswer.ticket);
      const account = ticket && ticket.expiresAt > this.d.clock.now() ? findAccountByOid(ticket.oid) : undefined;
      if (!ticket || !account) {
        return this.errorPage(res, "AADSTS90015: The consent request has expired or was already answered. Start the sign-in again.");
      }
      if (consentAnswer.choice !== "accept") {
        return fail("access_denied", "AADSTS65004: User declined to consent to access the app.");
      }
      this.addConsent(account, ticket.scopes);
      return complete(account, ticket.sessionId, {}, true);
    }
    if (form) {
      const account = findAccount(form.get("username") ?? "");
      if (!account || !safeEqual(form.get("password") ?? "", this.d.config.userPassword)) {
        return this.signInPage(res, url, params, form.get("username") ?? "", WRONG_CREDENTIALS);
      }
      const sessionId = randomUUID();
      this.sessions.set(sessionId, { oid: account.oid });
      return complete(account, sessionId, {
        "Set-Cookie": `${this.cookieName}=${sessionId}; Path=/; HttpOnly; SameSite=Lax`,
      });
    }

    const current = this.sessionAccount(req);
    const hintMatches = current !== null && (!hint || current.account.username === hint);
    if (prompt === "none") {
      if (current && hintMatches) return complete(current.account, current.sessionId);
      return fail("login_required", "AADSTS50058: A silent sign-in request was sent but no user is signed in.");
    }
    if (current && hintMatches && prompt !== "login" && prompt !== "select_account") return complete(current.account, current.sessionId);
    return this.signInPage(res, url, params, hint, null);
  }

  private signInPage(res: ServerResponse, url: URL, params: URLSearchParams, username: string, error: string | null): void {
    sendHtml(
      res,
      200,
      renderSignInPage({ action: url.pathname, clientName: SPA_CLIENT_NAME, hidden: params, username, error }),
      { "Referrer-Policy": "no-referrer" },
    );
  }

  private consentPage(
    res: ServerResponse,
    url: URL,
    params: URLSearchParams,
    account: Account,
    sessionId: string,
    scopes: string[],
    headers: Record<string, string>,
  ): void {
    const ticket = opaque();
    this.sweep();
    this.consentTickets.set(ticket, { oid: account.oid, sessionId, scopes, expiresAt: this.d.clock.now() + CODE_LIFETIME_MS });
    sendHtml(
      res,
      200,
      renderConsentPage({ action: url.pathname, clientName: SPA_CLIENT_NAME, hidden: params, ticket, username: account.username, scopes }),
      { "Referrer-Policy": "no-referrer", ...headers },
    );
  }

  private errorPage(res: ServerResponse, detail: string): void {
    sendHtml(res, 400, renderMessagePage("Sorry, but we're having trouble signing you in.", "The sign-in request is not valid for this application.", detail));
  }

  private sweep(): void {
    if (this.codes.size < 1_000 && this.refreshTokens.size < 10_000 && this.consentTickets.size < 1_000) return;
    const now = this.d.clock.now();
    for (const map of [this.codes, this.refreshTokens, this.consentTickets] as Map<string, { expiresAt: number }>[]) {
      for (const [k, v] of map) if (v.expiresAt <= now) map.delete(k);
    }
  }

  // ---- token -----------------------------------------------------------------------------

  private oauthError(
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    error: string,
    code: number,
    message: string,
    extra: Record<string, string> = {},
  ): void {
    const traceId = randomUUID();
    const correlationId = headerValue(req, "client-request-id") ?? randomUUID();
    const timestamp = this.d.clock.nowIso().replace("T", " ").replace(/\.\d+Z$/, "Z");
    sendJson(
      res,
      status,
      {
        error,
        error_description: `AADSTS${code}: ${message} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
        error_codes: [code],
        timestamp,
        trace_id: traceId,
        correlation_id: correlationId,
        ...extra,
      },
      { ...corsHeaders(req), "Cache-Control": "no-store", Pragma: "no-cache" },
    );
  }

  private async token(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const form = new URLSearchParams((await readBody(req, 64 * 1024)).toString("utf8"));
    let clientId = form.get("client_id") ?? "";
    let secret = form.get("client_secret");
    const basic = /^Basic\s+(\S+)$/i.exec(headerValue(req, "authorization") ?? "");
    if (basic?.[1]) {
      const decoded = Buffer.from(basic[1], "base64").toString("utf8");
      const colon = decoded.indexOf(":");
      if (colon > 0) {
        clientId = decodeURIComponent(decoded.slice(0, colon));
        secret = decodeURIComponent(decoded.slice(colon + 1));
      }
    }
    const t: TokenRequest = {
      req,
      res,
      form,
      clientId,
      fail: (status, error, code, message, extra) => this.oauthError(req, res, status, error, code, message, extra),
    };

    const grantType = form.get("grant_type");
    if (grantType === "client_credentials") return this.clientCredentials(t, secret);
    if (grantType === "authorization_code" || grantType === "refresh_token") {
      if (clientId !== SPA_CLIENT_ID) {
        return t.fail(400, "unauthorized_client", 700016, `Application with identifier '${clientId}' was not found in the directory, or is not a public client that signs users in.`);
      }
      return grantType === "authorization_code" ? this.redeemCode(t) : this.redeemRefreshToken(t);
    }
    return t.fail(400, "unsupported_grant_type", 70003, `The app requested an unsupported grant type '${grantType ?? ""}'.`);
  }

  private async clientCredentials({ req, res, form, clientId, fail }: TokenRequest, secret: string | null): Promise<void> {
    if (clientId !== AUTOMATION_CLIENT_ID) {
      return clientId === SPA_CLIENT_ID
        ? fail(400, "unauthorized_client", 700025, "Client is public so neither 'client_assertion' nor 'client_secret' should be presented, and it cannot use client_credentials.")
        : fail(400, "unauthorized_client", 700016, `Application with identifier '${clientId}' was not found in the directory.`);
    }
    if (secret === null || !safeEqual(secret, this.d.config.clientSecret)) {
      return fail(401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.");
    }
    const scope = (form.get("scope") ?? "").trim();
    if (scope !== `${GRAPH_RESOURCE}/.default` && scope !== `${GRAPH_APP_ID}/.default`) {
      return fail(400, "invalid_scope", 1002012, `The provided value for scope ${scope || "(none)"} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`);
    }
    const lifetime = this.d.tokens.lifetimeSeconds;
    return this.tokenResponse(req, res, {
      token_type: "Bearer",
      expires_in: lifetime,
      ext_expires_in: lifetime,
      access_token: await this.d.tokens.appAccessToken(),
    });
  }

  private async redeemCode(t: TokenRequest): Promise<void> {
    const { form, fail } = t;
    const code = form.get("code") ?? "";
    const grant = this.codes.get(code);
    // One-time: any redemption attempt, successful or not, burns the code.
    this.codes.delete(code);
    const burnt = this.burntCodes.has(code);
    if (code) {
      if (this.burntCodes.size >= BURNT_LIMIT) this.burntCodes.clear();
      this.burntCodes.add(code);
    }
    if (!grant) {
      return burnt
        ? fail(400, "invalid_grant", 54005, "OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.")
        : fail(400, "invalid_grant", 9002313, "Invalid request. Request is malformed or invalid: the authorization code is unknown.");
    }
    if (grant.expiresAt <= this.d.clock.now()) return fail(400, "invalid_grant", 70008, "The provided authorization code or refresh token has expired due to inactivity.");
    if (grant.clientId !== t.clientId) return fail(400, "invalid_grant", 70000, "The provided authorization code was issued to another client.");
    if (form.get("redirect_uri") !== grant.redirectUri) {
      return fail(400, "invalid_grant", 500112, "The reply address does not match the reply address used to obtain the authorization code.");
    }
    const verifier = form.get("code_verifier");
    if (!verifier || !safeEqual(s256(verifier), grant.codeChallenge)) {
      return fail(400, "invalid_grant", 501481, "The Code_Verifier does not match the code_challenge supplied in the authorization request.");
    }
    return this.issueUserTokens(t, grant, grant.nonce);
  }

  private async redeemRefreshToken(t: TokenRequest): Promise<void> {
    const { form, fail } = t;
    const token = form.get("refresh_token") ?? "";
    const grant = this.refreshTokens.get(token);
    // Rotation: a refresh token works once; its replacement comes back in the response.
    this.refreshTokens.delete(token);
    if (!grant || grant.clientId !== t.clientId) {
      return fail(400, "invalid_grant", 9002313, "Invalid request. Request is malformed or invalid: the refresh token is unknown or was already used.");
    }
    if (grant.expiresAt <= this.d.clock.now()) {
      return fail(400, "invalid_grant", 700084, "The refresh token was issued to a single page app (SPA), and therefore has a fixed, limited lifetime of 24 hours, which is now exceeded.");
    }
    const account = findAccountByOid(grant.oid);
    if (!account) return fail(400, "invalid_grant", 50034, "The user account does not exist in the directory.");
    let next: Grant = grant;
    const scope = form.get("scope");
    if (scope) {
      const parsed = parseScopes(scope);
      if (!parsed.ok) return fail(400, "invalid_scope", 70011, `The provided value for the input parameter 'scope' is not valid. The scope ${parsed.scope} is not valid.`);
      const granted = grantScopes(parsed.value, this.consentedScopes(account));
      if (!granted.ok) {
        return fail(400, "invalid_grant", 65001, `The user or administrator has not consented to use the application for ${granted.missing.join(", ")}.`, { suberror: "consent_required" });
      }
      next = { ...grant, graphScopes: granted.scopes, oidc: parsed.value.oidc.length ? parsed.value.oidc : grant.oidc };
    }
    return this.issueUserTokens(t, next, null, grant.expiresAt);
  }

  private async issueUserTokens({ req, res, fail }: TokenRequest, grant: Grant, nonce: string | null, refreshExpiresAt?: number): Promise<void> {
    const account = findAccountByOid(grant.oid);
    if (!account) return fail(400, "invalid_grant", 50034, "The user account does not exist in the directory.");
    const lifetime = this.d.tokens.lifetimeSeconds;
    const body: Record<string, unknown> = {
      token_type: "Bearer",
      scope: scopeString(grant.graphScopes, grant.oidc),
      expires_in: lifetime,
      ext_expires_in: lifetime,
      access_token: await this.d.tokens.userAccessToken(account, grant.graphScopes, grant.clientId),
    };
    if (grant.oidc.includes("offline_access")) {
      const refreshToken = opaque();
      const expiresAt = refreshExpiresAt ?? this.d.clock.now() + REFRESH_LIFETIME_SECONDS * 1000;
      this.refreshTokens.set(refreshToken, {
        clientId: grant.clientId,
        oid: grant.oid,
        graphScopes: grant.graphScopes,
        oidc: grant.oidc,
        sessionId: grant.sessionId,
        expiresAt,
      });
      body.refresh_token = refreshToken;
      body.refresh_token_expires_in = Math.max(0, Math.floor((expiresAt - this.d.clock.now()) / 1000));
    }
    if (grant.oidc.includes("openid")) body.id_token = await this.d.tokens.idToken(account, grant.clientId, grant.sessionId, nonce, this.groupMembershipClaims !== "None");
    body.client_info = clientInfo(account.oid, this.tenantId);
    this.tokenResponse(req, res, body);
  }

  private tokenResponse(req: IncomingMessage, res: ServerResponse, body: Record<string, unknown>): void {
    sendJson(res, 200, body, { ...corsHeaders(req), "Cache-Control": "no-store", Pragma: "no-cache" });
  }

  // ---- logout ----------------------------------------------------------------------------

  private logout(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const sessionId = parseCookies(req).get(this.cookieName);
    if (sessionId) this.sessions.delete(sessionId);
    const clear = { "Set-Cookie": `${this.cookieName}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0` };
    const target = url.searchParams.get("post_logout_redirect_uri");
    if (target && isRegisteredOrigin(target, this.d.config.redirectUris)) {
      const state = url.searchParams.get("state");
      const location = state === null ? target : `${target}${target.includes("?") ? "&" : "?"}state=${encodeURIComponent(state)}`;
      return send(res, 302, null, { ...clear, Location: location, "Cache-Control": "no-store" });
    }
    sendHtml(res, 200, renderMessagePage("You signed out of your account", "It's a good idea to close all browser windows."), clear);
  }
}

/**
 * MSAL sends back the id_token's opaque `login_hint` claim (ours: base64url JSON
 * with the upn); people and scripts send a plain username. Both name the account.
 */
function usernameFromLoginHint(hint: string): string {
  if (!hint || hint.includes("@")) return hint.toLowerCase();
  try {
    const decoded = JSON.parse(Buffer.from(hint, "base64url").toString("utf8")) as { upn?: unknown };
    if (typeof decoded.upn === "string") return decoded.upn.toLowerCase();
  } catch {
    // not one of our opaque hints
  }
  return hint.toLowerCase();
}


/** The Graph scopes a request names, as a consent page lists them. */
function requestedGraphScopes(graph: string[] | "default", consented: readonly string[]): string[] {
  if (graph === "default") return [...consented];
  return graph.length ? graph : ["User.Read"];
}
