import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { APIResponse, ConsoleMessage, Page } from "@playwright/test";
import { ACCOUNTS, AUDIT_SCOPES, expect, test } from "./fixtures";
import { EMULATOR_URL } from "./emulator-client";

const FABRIKAM = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551";
const MARGIES_TRAVEL = "3c4d5e6f-7a8b-4c9d-a0e1-f2a3b4c5d6e7";
const LUCERNE = "24680ace-1357-4bdf-8ace-24680ace1357";
const ROUTES = ["/", "/partners", "/deleted", "/partners/deleted", "/activity", `/partners/${FABRIKAM}`, "/redirect", "/signed-out", "/no-such-page"];

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

function expectFixedHeaders(response: APIResponse) {
  const headers = response.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["permissions-policy"]).toContain("microphone=()");
  expect(headers["permissions-policy"]).toContain("geolocation=()");
  expect(headers["x-powered-by"]).toBeUndefined();
  // MSAL's redirect bridge needs its opener.
  expect(headers["cross-origin-opener-policy"]).toBeUndefined();
}

test("every route carries a strict, per-request Content-Security-Policy and the other security headers", async ({ request }) => {
  const nonces = new Set<string>();
  for (const route of ROUTES) {
    const response = await request.get(route, { maxRedirects: 0 });
    expectFixedHeaders(response);
    const csp = response.headers()["content-security-policy"] ?? "";
    const policy = directives(csp);
    const scripts = policy.get("script-src") ?? [];
    const nonce = scripts.find((value) => value.startsWith("'nonce-"));
    expect(nonce, `${route} script-src`).toBeDefined();
    nonces.add(nonce!);
    expect(scripts).toContain("'strict-dynamic'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'self'"]);
    expect(policy.get("img-src")).toEqual(["'self'", "data:"]);
    expect(policy.get("connect-src")).toEqual(["'self'", "https://login.emulator.test", EMULATOR_URL]);
    expect(response.headers()["strict-transport-security"], "no HSTS over plain http").toBeUndefined();

    if (response.status() === 200) {
      // Next.js stamps the request's nonce on every script it renders.
      const html = await response.text();
      const scriptNonces = [...html.matchAll(/<script[^>]*\snonce="([^"]+)"/g)].map((match) => match[1]);
      expect(scriptNonces.length, `${route} scripts with a nonce`).toBeGreaterThan(0);
      expect(new Set(scriptNonces)).toEqual(new Set([nonce!.slice("'nonce-".length, -1)]));
      expect(html.match(/<script(?![^>]*\snonce=)[^>]*>/g) ?? [], `${route} scripts without a nonce`).toEqual([]);
    }
  }
  expect(nonces.size, "a fresh nonce per request").toBe(ROUTES.length);
});

test("static files carry the fixed headers, and HSTS is sent when served over https", async ({ request }) => {
  const html = await (await request.get("/signed-out")).text();
  const asset = html.match(/\/_next\/static\/[^"]+\.js/)?.[0];
  expect(asset).toBeDefined();
  expectFixedHeaders(await request.get(asset!));

  const overHttps = await request.get("/signed-out", { headers: { "x-forwarded-proto": "https" } });
  expect(overHttps.headers()["strict-transport-security"]).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
});

test("paths that only resemble static files, and deep unknown paths, carry the CSP, and HSTS over https", async ({ request }) => {
  // Each is the not-found page: HTML with scripts, so it needs its own nonce like every page.
  for (const path of ["/favicon.ico", "/faviconXico", "/_next/staticx", "/_next/static", "/_next/imagefoo", "/_next/images/x", "/a/b/c/d/e"]) {
    const plain = await request.get(path, { maxRedirects: 0 });
    expectFixedHeaders(plain);
    const policy = directives(plain.headers()["content-security-policy"] ?? "");
    expect(policy.get("script-src") ?? [], `${path} script-src`).toContain("'strict-dynamic'");
    expect((policy.get("script-src") ?? []).some((value) => value.startsWith("'nonce-")), `${path} nonce`).toBe(true);
    expect(policy.get("frame-ancestors"), `${path} frame-ancestors`).toEqual(["'self'"]);
    expect(plain.headers()["strict-transport-security"], `${path}: no HSTS over plain http`).toBeUndefined();

    const overHttps = await request.get(path, { maxRedirects: 0, headers: { "x-forwarded-proto": "https" } });
    expect(overHttps.headers()["content-security-policy"], `${path} over https`).toContain("'strict-dynamic'");
    expect(overHttps.headers()["strict-transport-security"], `${path} HSTS`).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
  }
});

function recordCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message: ConsoleMessage) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  return violations;
}

for (const scheme of ["light", "dark"] as const) {
  test(`every page loads with no Content-Security-Policy violation in ${scheme} mode`, async ({ page, signIn, emulator }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const violations = recordCspViolations(page);
    await emulator.setConsent(ACCOUNTS.admin, AUDIT_SCOPES);

    await signIn("/partners", "admin");
    await expect(page.getByRole("table", { name: /partners/i })).toBeVisible();

    await page.goto(`/partners/${FABRIKAM}`);
    await expect(page.getByRole("region", { name: "Partner configuration" })).toBeVisible();

    await page.goto(`/partners/${MARGIES_TRAVEL}`);
    await expect(page.getByRole("button", { name: "Restore sync policy" })).toBeVisible();

    await page.goto("/partners/deleted");
    await expect(page.getByRole("heading", { name: "Deleted partners" })).toBeVisible();

    await page.goto("/activity");
    await expect(page.getByRole("list", { name: "Changes, newest first" }).getByRole("listitem").first()).toBeVisible();

    await page.goto("/deleted");
    await expect(page.getByRole("table", { name: /deleted/i })).toBeVisible();
    // The dialog locks scrolling with a runtime <style> element; the toast library adds its own.
    await page.getByRole("button", { name: "Restore Lucerne Publishing" }).click();
    await page.getByRole("dialog", { name: "Restore sync policy" }).getByRole("button", { name: "Restore", exact: true }).click();
    await expect(page.getByText("Restored the sync policy of Lucerne Publishing")).toBeVisible();
    expect((await emulator.deletedSyncPolicies()).map((policy) => policy.tenantId)).not.toContain(LUCERNE);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("heading", { name: "You are signed out" })).toBeVisible();
    await page.goto("/no-such-page");
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();

    expect(violations).toEqual([]);
  });
}

test("the browser bundle decodes no JWT: jose is not shipped to the client", () => {
  const chunks = join(process.cwd(), ".next", "static", "chunks");
  const files = readdirSync(chunks, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".js"));
  expect(files.length).toBeGreaterThan(0);
  const withJose = files.filter((file) => /ERR_JWT_INVALID|ERR_JWS_INVALID/.test(readFileSync(join(chunks, file), "utf8")));
  expect(withJose).toEqual([]);
});

test("the header says when the console runs on the emulator", async ({ page, signIn }) => {
  await signIn("/partners", "reader");
  const banner = page.getByRole("banner");
  await expect(banner.getByText(/^Emulator/)).toBeVisible();
  await expect(banner).toContainText("not a Microsoft tenant");
});
