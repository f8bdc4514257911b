/**
 * Claims of the tokens the emulated Entra issues: delegated and app access
 * tokens for Graph, id_tokens for the SPA, client_info, and scope parsing.
 */
import { createHash, randomUUID } from "node:crypto";
import type { JWTPayload } from "jose";
import type { Clock } from "../clock";
import {
  AUTOMATION_APP_ROLES,
  AUTOMATION_CLIENT_ID,
  AUTOMATION_CLIENT_NAME,
  AUTOMATION_SERVICE_PRINCIPAL_ID,
  GRAPH_APP_ID,
  GRAPH_RESOURCE,
  SPA_CLIENT_ID,
  SPA_CLIENT_NAME,
  type Account,
} from "./directory";
import type { SigningKey } from "./keys";

const OIDC_SCOPES = new Set(["openid", "profile", "offline_access", "email"]);
const GRAPH_PREFIXES = [`${GRAPH_RESOURCE}/`, `${GRAPH_APP_ID}/`];

export interface RequestedScopes {
  /** Graph scope names ("Policy.Read.All"); "default" for /.default. */
  graph: string[] | "default";
  oidc: string[];
}

export function parseScopes(scope: string): { ok: true; value: RequestedScopes } | { ok: false; scope: string } {
  const graph: string[] = [];
  const oidc: string[] = [];
  let isDefault = false;
  for (const s of scope.split(/\s+/).filter(Boolean)) {
    if (OIDC_SCOPES.has(s)) {
      if (!oidc.includes(s)) oidc.push(s);
      continue;
    }
    const prefix = GRAPH_PREFIXES.find((p) => s.toLowerCase().startsWith(p.toLowerCase()));
    const name = prefix ? s.slice(prefix.length) : !s.includes("/") && !s.includes(":") ? s : null;
    if (!name) return { ok: false, scope: s };
    if (name === ".default") isDefault = true;
    else if (!graph.includes(name)) graph.push(name);
  }
  return { ok: true, value: { graph: isDefault ? "default" : graph, oidc } };
}

/** Consented scopes the request asked for; otherwise what is missing consent. */
export function grantScopes(requested: RequestedScopes, consented: readonly string[]): { ok: true; scopes: string[] } | { ok: false; missing: string[] } {
  if (requested.graph === "default") return { ok: true, scopes: [...consented] };
  // A sign-in that names no Graph scope still gets a Graph token, as Entra gives User.Read.
  if (requested.graph.length === 0) return { ok: true, scopes: ["User.Read"] };
  const lower = new Map(consented.map((s) => [s.toLowerCase(), s]));
  const missing = requested.graph.filter((s) => !lower.has(s.toLowerCase()));
  if (missing.length) return { ok: false, missing };
  return { ok: true, scopes: requested.graph.map((s) => lower.get(s.toLowerCase()) ?? s) };
}

export function scopeString(graphScopes: readonly string[], oidc: readonly string[]): string {
  return [...graphScopes.map((s) => `${GRAPH_RESOURCE}/${s}`), ...oidc].join(" ");
}

export function clientInfo(oid: string, tenantId: string): string {
  return Buffer.from(JSON.stringify({ uid: oid, utid: tenantId })).toString("base64url");
}

/** Entra's `sub` is pairwise: stable per user and app, different across apps. */
function pairwiseSubject(oid: string, clientId: string): string {
  return createHash("sha256").update(`${oid}:${clientId}`).digest("base64url").slice(0, 43);
}

export interface TokenIssuerOptions {
  key: SigningKey;
  clock: Clock;
  tenantId: string;
  issuer: () => string;
  lifetimeSeconds: number;
}

export class TokenIssuer {
  private readonly o: TokenIssuerOptions;

  constructor(options: TokenIssuerOptions) {
    this.o = options;
  }

  get lifetimeSeconds(): number {
    return this.o.lifetimeSeconds;
  }

  private times(): { iat: number; nbf: number; exp: number } {
    const now = this.o.clock.nowSeconds();
    return { iat: now, nbf: now, exp: now + this.o.lifetimeSeconds };
  }

  /** Signs arbitrary claims over the standard ones; tests use it for wrong-audience tokens and the like. */
  mint(claims: JWTPayload): Promise<string> {
    return this.o.key.sign({ iss: this.o.issuer(), tid: this.o.tenantId, ...this.times(), uti: randomUUID(), ...claims });
  }

  userAccessToken(account: Account, scopes: readonly string[], clientId = SPA_CLIENT_ID): Promise<string> {
    return this.mint({
      aud: GRAPH_RESOURCE,
      app_displayname: SPA_CLIENT_NAME,
      appid: clientId,
      appidacr: "0",
      azp: clientId,
      azpacr: "0",
      idtyp: "user",
      name: account.displayName,
      oid: account.oid,
      preferred_username: account.username,
      upn: account.username,
      unique_name: account.username,
      scp: scopes.join(" "),
      sub: pairwiseSubject(account.oid, GRAPH_APP_ID),
      ver: "2.0",
      wids: account.wids,
    });
  }

  appAccessToken(): Promise<string> {
    return this.mint({
      aud: GRAPH_RESOURCE,
      app_displayname: AUTOMATION_CLIENT_NAME,
      appid: AUTOMATION_CLIENT_ID,
      appidacr: "1",
      azp: AUTOMATION_CLIENT_ID,
      azpacr: "1",
      idtyp: "app",
      oid: AUTOMATION_SERVICE_PRINCIPAL_ID,
      sub: AUTOMATION_SERVICE_PRINCIPAL_ID,
      roles: AUTOMATION_APP_ROLES,
      ver: "2.0",
    });
  }

  idToken(account: Account, clientId: string, sessionId: string, nonce: string | null): Promise<string> {
    const claims: JWTPayload = {
      aud: clientId,
      name: account.displayName,
      oid: account.oid,
      preferred_username: account.username,
      sid: sessionId,
      sub: pairwiseSubject(account.oid, clientId),
      ver: "2.0",
      // Entra adds directory roles to ID tokens when groupMembershipClaims includes them; the dashboard reads its role hint here.
      wids: account.wids,
      login_hint: Buffer.from(JSON.stringify({ uid: account.oid, utid: this.o.tenantId, upn: account.username })).toString("base64url"),
    };
    if (nonce !== null) claims.nonce = nonce;
    return this.mint(claims);
  }
}
