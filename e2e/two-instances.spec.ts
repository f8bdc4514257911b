import { spawn, type ChildProcess } from "node:child_process";
import { expect, test } from "./fixtures";
import { E2E_EMULATOR_PORT, E2E_SCALE_PORT } from "../playwright.config";

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

test("behind nginx with two instances: sign in, list, restore, with both instances answering", async ({ page, signIn, emulator }) => {
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
});
