import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, chmodSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { E2E_EMULATOR_PORT, E2E_SCALE_PORT } from "../playwright.config";
import { ensureNginx, nginxConf, SERVER_ACTION_LIMIT } from "../scripts/nginx.mjs";

const LUCERNE = "24680ace-1357-4bdf-8ace-24680ace1357";
let demo: ChildProcess | null = null;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  // `npm run demo:scale` on the build under test, in front of the emulator the fixtures check.
  demo = spawn("node", ["scripts/demo-scale.mjs"], {
    env: {
      ...process.env,
      DEMO_SKIP_BUILD: "1",
      DASHBOARD_EMULATOR: "1",
      DEMO_PORT: String(E2E_SCALE_PORT),
      DEMO_INSTANCE_PORTS: `${E2E_SCALE_PORT + 1},${E2E_SCALE_PORT + 2}`,
      EMULATOR_URL: `http://localhost:${E2E_EMULATOR_PORT}`,
    },
    detached: true,
    stdio: "ignore",
  });
  await expect
    .poll(async () => (await fetch(`http://localhost:${E2E_SCALE_PORT}/signed-out`).catch(() => null))?.status ?? 0, { timeout: 90_000 })
    .toBe(200);
});

test.afterAll(async () => {
  if (demo?.pid) process.kill(-demo.pid, "SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 1_000));
});

/** Every server-action answer nginx refused with 429 while the page was used. */
function recordRefusedActions(page: Page): string[] {
  const refused: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 429 && response.request().headers()["next-action"]) refused.push(response.url());
  });
  return refused;
}

test("behind nginx with two instances: sign in, list, restore, with both instances answering", async ({ page, signIn, emulator }) => {
  const refused = recordRefusedActions(page);
  const instances = new Set<string>();
  page.on("response", (response) => {
    const instance = response.headers()["x-dashboard-instance"];
    if (instance && response.request().method() === "POST") instances.add(instance);
  });

  await signIn("/partners", "admin");
  const partners = page.getByRole("table", { name: /partners/i });
  await expect(partners.getByRole("row").filter({ hasText: "Fabrikam" })).toBeVisible();

  await page.getByRole("link", { name: "Deleted sync policies" }).click();
  const table = page.getByRole("table", { name: /deleted/i });
  await table.getByRole("button", { name: "Restore Lucerne Publishing" }).click();
  await page.getByRole("dialog", { name: "Restore sync policy" }).getByRole("button", { name: "Restore", exact: true }).click();
  await expect(page.getByText("Restored the sync policy of Lucerne Publishing")).toBeVisible();
  await expect(table.getByRole("row").filter({ hasText: LUCERNE })).toHaveCount(0);
  expect(await emulator.liveSyncPolicy(LUCERNE)).toMatchObject({ tenantId: LUCERNE });

  // Server actions went to both instances: nothing ties a tab to the one that served it first.
  await page.getByRole("button", { name: "Refresh from Microsoft Graph" }).click();
  await expect.poll(() => instances.size).toBe(2);
  expect(refused, "normal use stays under the server-action limit").toEqual([]);
});

test("restoring 600 selected policies through nginx stays under the server-action limit", async ({ page, signIn, emulator }) => {
  test.setTimeout(240_000);
  const ids = await emulator.seedDeleted(600);
  const refused = recordRefusedActions(page);
  await signIn("/deleted?q=Bulk+Partner", "admin");
  const table = page.getByRole("table", { name: /deleted/i });
  await expect(table).toHaveAttribute("aria-rowcount", "601", { timeout: 60_000 });
  await table.getByRole("checkbox", { name: "Select all shown policies" }).check();
  await page.getByRole("button", { name: "Restore selected (600)" }).click();
  await page.getByRole("dialog", { name: "Restore 600 sync policies" }).getByRole("button", { name: "Restore 600" }).click();
  await expect(page.getByRole("region", { name: "Restore results" }).getByRole("status")).toHaveText("Restored: 600", { timeout: 180_000 });
  const stillDeleted = new Set((await emulator.deletedSyncPolicies()).map((policy) => policy.tenantId));
  expect(ids.filter((id) => stillDeleted.has(id))).toEqual([]);
  expect(refused).toEqual([]);
});

// Last in this file: it spends the client address's allowance. Its own nginx, with the same
// generated configuration in front of a stand-in upstream that answers at once, so the count is
// nginx's alone and no dashboard instance is flooded.
test("a burst of server-action POSTs beyond the limit gets 429 with Retry-After; pages and other POSTs do not", async () => {
  test.setTimeout(180_000);
  const { ratePerSecond, burst } = SERVER_ACTION_LIMIT;
  const upstream: Server = createServer((request, response) => {
    request.resume();
    request.on("end", () => response.end("ok"));
  });
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  const workDir = mkdtempSync(join(tmpdir(), "dashboard-nginx-limit-"));
  chmodSync(workDir, 0o777);
  const port = E2E_SCALE_PORT + 3;
  writeFileSync(join(workDir, "nginx.conf"), nginxConf({ port, instancePorts: [(upstream.address() as AddressInfo).port], workDir }));
  const nginx = spawn(ensureNginx(), ["-c", join(workDir, "nginx.conf"), "-p", workDir, "-e", join(workDir, "error.log")], { stdio: "ignore" });
  const url = `http://127.0.0.1:${port}/partners`;
  try {
    await expect.poll(async () => (await fetch(url).catch(() => null))?.status ?? 0, { timeout: 20_000 }).toBe(200);

    const started = Date.now();
    let accepted = 0;
    let sent = 0;
    let refusal: Response | null = null;
    const action = () => fetch(url, { method: "POST", headers: { "Next-Action": "7f00aa", "Content-Type": "text/plain" }, body: "[]" });
    // Until the first refusal (then the requests already on their way finish), at most a few times the burst.
    await Promise.all(
      Array.from({ length: 100 }, async () => {
        while (!refusal && sent < burst * 5) {
          sent += 1;
          const response = await action();
          await response.arrayBuffer();
          if (response.status === 429) refusal ??= response;
          else if (response.status === 200) accepted += 1;
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    expect(refusal, `no 429 after ${sent} action POSTs`).not.toBeNull();
    expect(refusal!.headers.get("retry-after")).toBe("1");
    // The whole burst went through before any refusal, and not much more than the rate allows after it.
    expect(accepted).toBeGreaterThanOrEqual(burst);
    expect(accepted).toBeLessThanOrEqual(burst + Math.ceil(seconds * ratePerSecond) + 100);

    // While actions are refused, pages and POSTs that are not server actions still go through.
    expect((await fetch(url)).status).toBe(200);
    expect((await fetch(url, { method: "POST", body: "x" })).status).toBe(200);
  } finally {
    nginx.kill("SIGTERM");
    await new Promise<void>((resolve) => upstream.close(() => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 500));
    rmSync(workDir, { recursive: true, force: true });
  }
});
