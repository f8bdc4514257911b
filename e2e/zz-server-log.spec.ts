import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { DASHBOARD_LOG } from "../playwright.config";

// Runs last (files run in name order, one worker): by now every other spec has sent tokens through the server.
test("the dashboard server never printed an access token", () => {
  const log = readFileSync(DASHBOARD_LOG, "utf8");
  expect(log).toContain("Using the local emulator");
  expect(log).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
  expect(log).not.toMatch(/Bearer\s+\S+/i);
});
