/**
 * Shared helpers for the emulator tests: an in-process emulator on port 0,
 * a small Graph client, tokens, and the browser side of the sign-in flow.
 */
import { createHash, randomBytes } from "node:crypto";
import { request } from "node:http";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { ACCOUNTS, POLICY_READ_ALL, POLICY_READWRITE_CTA, SPA_CLIENT_ID, type Account } from "../entra/directory";
import { startEmulator, type EmulatorHandle } from "../server";
import type { EmulatorOptions } from "../config";

export type Emulator = EmulatorHandle;

export const BOTH_SCOPES = [POLICY_READ_ALL, POLICY_READWRITE_CTA];
export const DASHBOARD_SCOPE =
  "https://graph.microsoft.com/Policy.Read.All https://graph.microsoft.com/Policy.ReadWrite.CrossTenantAccess openid profile offline_access";

export function start(options: Partial<EmulatorOptions> = {}): Promise<Emulator> {
  return startEmulator({ port: 0, host: "127.0.0.1", ...options });
}

/**
 * One in-process emulator per test file, reset before each test (the reset also
 * restores faults, sessions and the clock). `onStart` receives it once it listens.
 */
export function setupEmulator(onStart: (emu: Emulator) => void): void {
  let emu: Emulator | undefined;
  beforeAll(async () => {
    emu = await start();
    onStart(emu);
  });
  afterAll(() => emu?.close());
  beforeEach(async () => {
    if (emu) await call(emu, "/_emulator/reset", { method: "POST" });
  });
}

export function account(username: string): Account {
  const found = ACCOUNTS.find((a) => a.username === username);
  if (!found) throw new Error(`no account ${username}`);
  return found;
}

export const adminToken = (emu: Emulator) => emu.tokens.userAccessToken(account("admin@contoso.example"), BOTH_SCOPES);
export const readerToken = (emu: Emulator) => emu.tokens.userAccessToken(account("reader@contoso.example"), BOTH_SCOPES);
export const helpdeskToken = (emu: Emulator) => emu.tokens.userAccessToken(account("helpdesk@contoso.example"), BOTH_SCOPES);
export const appToken = (emu: Emulator) => emu.tokens.appAccessToken();

export interface CallOptions {
  method?: string;
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests poke at arbitrary JSON
  body: any;
}

/** The control API wants Content-Type: application/json on everything but GET, body or not. */
const needsJsonType = (path: string, method: string, body: unknown) =>
  body !== undefined || (path.startsWith("/_emulator") && method !== "GET" && method !== "HEAD");

export async function call(emu: Emulator, path: string, options: CallOptions = {}): Promise<CallResult> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (needsJsonType(path, method, options.body) && !Object.keys(headers).some((h) => h.toLowerCase() === "content-type")) {
    headers["Content-Type"] = "application/json";
  }
  const res = await fetch(path.startsWith("http") ? path : `${emu.url}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : typeof options.body === "string" ? options.body : JSON.stringify(options.body),
    redirect: "manual",
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // HTML or empty: keep the text
  }
  return { status: res.status, headers: res.headers, body };
}

export const PARTNERS = "/beta/policies/crossTenantAccessPolicy/partners";
export const DELETED = "/beta/policies/deletedItems/crossTenantSyncPolicyPartners";
export const sync = (tenantId: string, version = "beta") =>
  `/${version}/policies/crossTenantAccessPolicy/partners/${tenantId}/identitySynchronization`;

export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

export const REDIRECT_URI = "http://localhost:3000/redirect";

export function authorizeUrl(emu: Emulator, params: Record<string, string>): string {
  const query = new URLSearchParams({
    client_id: SPA_CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    response_type: "code",
    scope: DASHBOARD_SCOPE,
    ...params,
  });
  return `${emu.url}/${emu.tenantId}/oauth2/v2.0/authorize?${query}`;
}

/** Reads the hidden inputs of the sign-in form, as a browser would submit them. */
export function hiddenFields(html: string): [string, string][] {
  const decode = (s: string) =>
    s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  return [...html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map((m) => [decode(m[1] ?? ""), decode(m[2] ?? "")]);
}

export function formAction(html: string): string {
  const match = /<form method="post" action="([^"]*)"/.exec(html);
  if (!match?.[1]) throw new Error("no form");
  return match[1];
}

export async function submitSignIn(
  emu: Emulator,
  authorize: string,
  username: string,
  password: string,
): Promise<Response> {
  const page = await (await fetch(authorize)).text();
  const form = new URLSearchParams(hiddenFields(page));
  form.set("username", username);
  form.set("password", password);
  return fetch(`${emu.url}${formAction(page)}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: form.toString(),
    redirect: "manual",
  });
}

/** Parameters of a 302 back to the redirect URI (fragment or query). */
export function redirectParams(location: string | null): URLSearchParams {
  if (!location) throw new Error("no Location");
  const url = new URL(location);
  return new URLSearchParams(url.hash ? url.hash.slice(1) : url.search);
}

export async function redeem(emu: Emulator, form: Record<string, string>): Promise<CallResult> {
  return call(emu, `/${emu.tenantId}/oauth2/v2.0/token`, {
    method: "POST",
    body: new URLSearchParams({ client_id: SPA_CLIENT_ID, ...form }).toString(),
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost:3000" },
  });
}

/** The whole browser + MSAL sign-in: returns the token response. */
export async function signIn(emu: Emulator, username: string, scope = DASHBOARD_SCOPE): Promise<CallResult> {
  const { verifier, challenge } = pkce();
  const res = await submitSignIn(
    emu,
    authorizeUrl(emu, { scope, code_challenge: challenge, code_challenge_method: "S256", state: "s", nonce: "n" }),
    username,
    "demo-password",
  );
  const code = redirectParams(res.headers.get("location")).get("code");
  if (!code) throw new Error(`sign-in failed: ${res.status} ${res.headers.get("location")}`);
  return redeem(emu, { grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI, code_verifier: verifier });
}

export function decodeJwt(token: string): Record<string, unknown> {
  const payload = token.split(".")[1] ?? "";
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
}

export interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

/** node:http instead of fetch: lets a test send any Host and exactly the headers it names. */
export function rawRequest(emu: Emulator, path: string, options: RawRequest = {}): Promise<CallResult & { text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: emu.port, path, method: options.method ?? "GET", headers: options.headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers)) if (typeof value === "string") headers.set(name, value);
        let body: unknown = text;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          // not JSON: keep the text
        }
        resolve({ status: res.statusCode ?? 0, headers, body, text });
      });
    });
    req.on("error", reject);
    req.end(options.body);
  });
}
