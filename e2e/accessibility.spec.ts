import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";

const FABRIKAM = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551";
const MARGIES_TRAVEL = "3c4d5e6f-7a8b-4c9d-a0e1-f2a3b4c5d6e7";
const WIDE_WORLD = "e7f8a9b0-c1d2-4e3f-9a4b-5c6d7e8f9a0b";

async function seriousViolations(page: import("@playwright/test").Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

for (const scheme of ["light", "dark"] as const) {
  test(`every view passes WCAG 2.1 AA checks in ${scheme} mode`, async ({ page, signIn }) => {
    // Eight axe runs over whole pages: room for a loaded machine.
    test.setTimeout(150_000);
    await page.emulateMedia({ colorScheme: scheme });
    await signIn("/partners", "admin");
    await expect(page.getByRole("table", { name: /partners/i })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`/partners/${FABRIKAM}`);
    await expect(page.getByRole("region", { name: "Partner configuration" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`/partners/${MARGIES_TRAVEL}`);
    await expect(page.getByRole("button", { name: "Restore sync policy" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto("/deleted");
    await expect(page.getByRole("table", { name: /deleted/i })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Restore Lucerne Publishing" }).click();
    await expect(page.getByRole("dialog")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");

    await page.getByRole("button", { name: "Purge Lucerne Publishing" }).click();
    await expect(page.getByRole("dialog", { name: "Purge sync policy" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");

    await page.goto(`/partners/${WIDE_WORLD}`);
    await page.getByRole("button", { name: "Set up sync" }).click();
    await expect(page.getByRole("dialog", { name: "Set up sync" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");

    await page.goto("/partners/deleted");
    await expect(page.getByRole("table", { name: /deleted partners/i })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}
