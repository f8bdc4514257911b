import type { Route } from "@playwright/test";
import { expect, test } from "./fixtures";

const MARGIES_TRAVEL = "3c4d5e6f-7a8b-4c9d-a0e1-f2a3b4c5d6e7";
const jwt = /eyJ[\w-]+\.[\w-]+\./;

function isServerAction(route: Route): boolean {
  return route.request().method() === "POST" && Boolean(route.request().headers()["next-action"]);
}

test("the first partners show while later pages are still loading, and the counts say so", async ({ page, signIn, emulator }) => {
  await emulator.seedDeleted(900);
  const total = (await emulator.partners()).length;
  expect(total).toBeGreaterThan(900);
  // Slow enough that the last of its ten pages cannot arrive before the first is drawn, however busy the machine.
  await emulator.control("PUT", "faults", { latencyMs: 1_000 });

  await signIn("/partners", "admin");
  const table = page.getByRole("table", { name: /partners/i });
  const progress = page.getByRole("status").filter({ hasText: /^Loading partners… [\d,]+ so far$/ });
  // Rows from the first page are there while the progress line still counts up.
  await expect(table.getByRole("row").nth(1)).toBeVisible();
  await expect(progress).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Loading partners" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Summary" }).getByRole("link").first()).toContainText("so far");
  // Filtering works on what has arrived.
  await page.getByRole("searchbox", { name: "Search partners" }).fill("fabrikam");
  await expect(table.getByRole("row")).toHaveCount(2);
  await page.getByRole("searchbox", { name: "Search partners" }).fill("");

  await expect(progress).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByText(`${total.toLocaleString("en-US")} partners`, { exact: true })).toBeVisible();
  await expect(table).toHaveAttribute("aria-rowcount", String(total + 1));
  await expect(page.getByRole("navigation", { name: "Summary" })).not.toContainText("so far");
});

test("the list arrives through one call; leaving the view stops it, and the server stops reading Graph once the page is gone", async ({ page, signIn, emulator }) => {
  // Enough partner pages that the list cannot finish while the next view loads, however slow the
  // machine; their sync policies are purged so that deleted items stay short.
  const added = [...(await emulator.seedDeleted(1000)), ...(await emulator.seedDeleted(1000))];
  for (let start = 0; start < added.length; start += 20) {
    const requests = added.slice(start, start + 20).map((tenantId, index) => ({
      id: String(index + 1),
      method: "DELETE",
      url: `/policies/deletedItems/crossTenantSyncPolicyPartners/${tenantId}`,
    }));
    expect((await emulator.graph("POST", "/$batch", { requests })).status).toBe(200);
  }
  const total = (await emulator.partners()).length;
  // Count only what the dashboard asks for from here on.
  await emulator.control("DELETE", "requests");
  await emulator.control("PUT", "faults", { latencyMs: 1_000 });
  // Graph's nextLinks stay on the server: no server action call carries one.
  const carriedLinks: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.headers()["next-action"] && (request.postData() ?? "").includes("skiptoken")) carriedLinks.push(request.url());
  });
  await signIn("/partners", "admin");
  const progress = page.getByRole("status").filter({ hasText: /^Loading partners… [\d,]+ so far$/ });
  await expect(progress).toBeVisible();

  // The page goes away: the server stops reading at the page that was on its way.
  const partnerPagesRead = () => emulator.answered("GET", "/policies/crossTenantAccessPolicy/partners");
  await page.goto("about:blank");
  const whenGone = await partnerPagesRead();
  await page.waitForTimeout(1_500);
  expect((await partnerPagesRead()) - whenGone).toBeLessThanOrEqual(1);
  expect(whenGone).toBeLessThan(Math.ceil(total / 100));

  // Within the app the view stops taking pages; coming back shows the rows it had and reads the list again.
  await emulator.control("PUT", "faults", { latencyMs: 300 });
  await page.goto("/partners");
  await expect(progress).toBeVisible();
  await page.getByRole("link", { name: "Deleted sync policies" }).click();
  await expect(page.getByRole("heading", { name: "Deleted sync policies" })).toBeVisible();
  await page.getByRole("link", { name: "Partners", exact: true }).click();
  await expect(page.getByRole("table", { name: /partners/i }).getByRole("row").nth(1)).toBeVisible();
  await expect(page.getByText(`${total.toLocaleString("en-US")} partners`, { exact: true })).toBeVisible({ timeout: 30_000 });
  expect(carriedLinks).toEqual([]);
});

test("a long deleted-items read does not hold the partners list back", async ({ page, signIn, emulator }) => {
  await emulator.seedDeleted(1000);
  await emulator.seedDeleted(1000);
  const deletedPages = Math.ceil((await emulator.deletedSyncPolicies()).length / 100);
  expect(deletedPages).toBeGreaterThan(20);
  // Count only what the dashboard asks for from here on.
  await emulator.control("DELETE", "requests");
  const deletedPagesRead = () => emulator.answered("GET", "/policies/deletedItems/crossTenantSyncPolicyPartners");
  await emulator.control("PUT", "faults", { latencyMs: 500 });

  // The partners view reads both lists, each streamed by its own call.
  await signIn("/partners", "admin");
  // Time enough for the whole deleted list, so that a list read in one call fails on the count below, not here.
  await expect(page.getByRole("table", { name: /partners/i }).getByRole("row").nth(1)).toBeVisible({ timeout: 30_000 });
  // The first partners came before the deleted list was through: its pages leave room for other reads between them.
  const whenPartnersShowed = await deletedPagesRead();
  expect(whenPartnersShowed).toBeLessThan(deletedPages);
  // The view needs deleted items too (purge counts, row hints), and goes on reading them.
  await expect.poll(deletedPagesRead).toBeGreaterThan(whenPartnersShowed);
  // Meanwhile the partners list keeps coming, page after page, between the deleted list's pages.
  const partnersPagesRead = () => emulator.answered("GET", "/policies/crossTenantAccessPolicy/partners");
  await expect.poll(partnersPagesRead, { timeout: 30_000 }).toBeGreaterThanOrEqual(4);
  expect(await deletedPagesRead()).toBeLessThan(deletedPages);
});

test("a reload paints the last list from this tab's cache at once and refreshes it in the background", async ({ page, signIn, emulator }) => {
  expect(await emulator.partners()).not.toHaveLength(0);
  await signIn("/partners", "admin");
  const table = page.getByRole("table", { name: /partners/i });
  await expect(table.getByRole("row").filter({ hasText: "Fabrikam" })).toBeVisible();
  // The cache is written at most once a second.
  await expect.poll(() => page.evaluate(() => Object.keys(sessionStorage).some((key) => key.startsWith("ctsd.account:") && key.endsWith(":query-cache")))).toBe(true);
  await page.waitForTimeout(1_200);

  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  let heldReads = 0;
  await page.route("**/partners", async (route) => {
    if (isServerAction(route)) {
      heldReads += 1;
      await held;
    }
    await route.continue();
  });
  await page.reload();
  // Graph has not answered anything yet, and the rows are already there.
  await expect(table.getByRole("row").filter({ hasText: "Fabrikam" })).toBeVisible();
  await expect.poll(() => heldReads).toBeGreaterThan(0);
  await expect(page.getByRole("button", { name: "Refresh from Microsoft Graph" })).toHaveText(/Refreshing/);
  await expect(page.getByText(/^Updated (just now|\d+ min ago)$/)).toBeVisible();

  release();
  await expect(page.getByRole("button", { name: "Refresh from Microsoft Graph" })).toHaveText("Refresh");

  // Only Graph data is stored there: no token in the cache entries.
  const cached = await page.evaluate(() =>
    Object.entries(sessionStorage)
      .filter(([key]) => key.startsWith("ctsd.account:") && key.endsWith(":query-cache"))
      .map(([, value]) => value)
      .join(""),
  );
  expect(cached).toContain("Fabrikam");
  expect(cached).not.toMatch(jwt);

  // Signing out forgets it.
  await page.unroute("**/partners");
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/signed-out|logout/);
  await page.goto("/signed-out");
  const afterSignOut = await page.evaluate(() =>
    Object.entries(sessionStorage)
      .filter(([key]) => key.startsWith("ctsd.account:") && key.endsWith(":query-cache"))
      .map(([, value]) => value)
      .join(""),
  );
  expect(afterSignOut).not.toContain("Fabrikam");
});

test("a read answered before a restore does not bring the restored policy back into deleted items", async ({ page, signIn, emulator }) => {
  await signIn("/deleted", "admin");
  const deletedTable = page.getByRole("table", { name: /deleted/i });
  await expect(deletedTable.getByRole("row").filter({ hasText: MARGIES_TRAVEL })).toHaveCount(1);
  await page.getByRole("link", { name: "Margie's Travel" }).first().click();
  const section = page.getByRole("region", { name: "Identity synchronization" });
  await expect(section).toContainText("in deleted items");

  // The partner read reaches Graph while the policy is still deleted; its answer is held back in the browser.
  let releaseRead: () => void = () => undefined;
  const readHeld = new Promise<void>((resolve) => (releaseRead = resolve));
  let holdEverything = false;
  let staleReads = 0;
  await page.route("**/*", async (route) => {
    if (!isServerAction(route)) return route.continue();
    const body = route.request().postData() ?? "";
    if (holdEverything) return; // later re-reads would hide the problem; they never answer
    if (!body.includes(MARGIES_TRAVEL) || body.includes('"partner"')) return route.continue();
    staleReads += 1;
    const response = await route.fetch();
    await readHeld;
    await route.fulfill({ response });
  });
  await page.getByRole("button", { name: "Refresh from Microsoft Graph" }).click();
  await expect.poll(() => staleReads).toBe(1);

  // The browser sends server actions one at a time: the restore goes out once the read has answered.
  await section.getByRole("button", { name: "Restore sync policy" }).click();
  await page.getByRole("dialog", { name: "Restore sync policy" }).getByRole("button", { name: "Restore", exact: true }).click();
  releaseRead();
  await expect(section).toContainText("Inbound user sync");
  await expect(section).not.toContainText("in deleted items");
  expect(await emulator.liveSyncPolicy(MARGIES_TRAVEL)).not.toBeNull();

  holdEverything = true;
  await page.getByRole("link", { name: "Deleted sync policies" }).click();
  await expect(page.getByText(/^Showing \d+ of \d+ deleted policies$/)).toBeVisible();
  await expect(deletedTable.getByRole("row").filter({ hasText: MARGIES_TRAVEL })).toHaveCount(0);
});
