import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { parseConfig } from "./runtime";
import { connectSources, contentSecurityPolicy, createNonce, EMPTY_STYLE_HASH, isOversizedActionPost, PERMISSIONS_POLICY, SERVER_ACTION_BODY_LIMIT_BYTES, SONNER_STYLE_HASH } from "./security-headers";

const TENANT = "7d0c5f8e-3b1a-4c2d-9e8f-1a2b3c4d5e6f";
const CLIENT = "3f4e5d6c-7b8a-4c9d-8e1f-2a3b4c5d6e7f";
const sha256 = (text: string) => `sha256-${createHash("sha256").update(text).digest("base64")}`;

describe("contentSecurityPolicy", () => {
  it("allows scripts by nonce only in production, and only the app and the authority for connections", () => {
    const config = parseConfig({ AZURE_CLIENT_ID: CLIENT, AZURE_TENANT_ID: TENANT, GRAPH_BASE_URL: "https://graph-proxy.contoso.example" });
    const csp = contentSecurityPolicy(config, { nonce: "abc", development: false });
    expect(csp).toContain("script-src 'nonce-abc' 'strict-dynamic';");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(csp).toContain("connect-src 'self' https://login.microsoftonline.com;");
    // Graph is called by the server, never by the browser.
    expect(csp).not.toContain("graph");
    expect(csp).toContain("object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'");
  });

  it("adds the emulator's origin in emulator mode", () => {
    expect(connectSources(parseConfig({ DASHBOARD_EMULATOR: "1", EMULATOR_URL: "http://localhost:4110" }))).toEqual(["'self'", "https://login.emulator.test", "http://localhost:4110"]);
  });

  it("relaxes only what next dev's tooling needs", () => {
    const csp = contentSecurityPolicy(parseConfig({ DASHBOARD_EMULATOR: "1" }), { nonce: "abc", development: true });
    expect(csp).toContain("script-src 'nonce-abc' 'strict-dynamic' 'unsafe-eval';");
    expect(csp).toContain("style-src 'self' 'unsafe-inline';");
  });

  it("gives each request a fresh 128-bit nonce", () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("the toast library's stylesheet hash", () => {
  it("matches the stylesheet the installed sonner inserts (update it with the package)", () => {
    const require = createRequire(import.meta.url);
    const source = readFileSync(require.resolve("sonner").replace(/index\.js$/, "index.mjs"), "utf8");
    const literal = source.match(/__insertCSS\(("(?:[^"\\]|\\.)*")\);/)?.[1];
    expect(literal).toBeDefined();
    expect(`${sha256(JSON.parse(literal!) as string)}`).toBe(SONNER_STYLE_HASH);
    expect(sha256("")).toBe(EMPTY_STYLE_HASH);
  });
});

describe("Permissions-Policy", () => {
  it("denies the features the console never uses and keeps the clipboard", () => {
    expect(PERMISSIONS_POLICY).toContain("camera=()");
    expect(PERMISSIONS_POLICY).toContain("payment=()");
    expect(PERMISSIONS_POLICY).not.toContain("clipboard");
  });
});

describe("isOversizedActionPost", () => {
  const action = (length: string | null, extra: Record<string, string> = {}) =>
    new Headers({ "next-action": "abc123", ...(length === null ? {} : { "content-length": length }), ...extra });

  it("refuses a server-action POST that declares more than the limit", () => {
    expect(isOversizedActionPost("POST", action(String(SERVER_ACTION_BODY_LIMIT_BYTES + 1)))).toBe(true);
    expect(isOversizedActionPost("POST", action(String(1024 * 1024)))).toBe(true);
  });

  it("lets through what the console sends, pages, and requests with no usable length", () => {
    expect(isOversizedActionPost("POST", action(String(SERVER_ACTION_BODY_LIMIT_BYTES)))).toBe(false);
    expect(isOversizedActionPost("POST", action("25000"))).toBe(false);
    expect(isOversizedActionPost("POST", new Headers({ "content-length": String(1024 * 1024) }))).toBe(false);
    expect(isOversizedActionPost("GET", action(String(1024 * 1024)))).toBe(false);
    // No length, or one that is not a plain number: the body limit in next.config.ts still applies.
    for (const length of [null, "", "1e9", "-1", "9".repeat(17)]) expect(isOversizedActionPost("POST", action(length))).toBe(false);
  });
});
