import { spawnSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { E2E_DASHBOARD_PORT } from "../playwright.config";

// A port of this run's own: the server may bind it before the configuration check stops it.
const PORT = String(E2E_DASHBOARD_PORT + 9);

const TENANT_VARIABLES = ["AZURE_CLIENT_ID", "AZURE_TENANT_ID", "AZURE_CLOUD", "AZURE_AUTHORITY", "GRAPH_BASE_URL", "EMULATOR_URL", "DASHBOARD_EMULATOR"];
const NO_TENANT = Object.fromEntries(TENANT_VARIABLES.map((name) => [name, ""]));

function startWith(env: Record<string, string>, command: "start" | "dev" = "start") {
  return spawnSync("node", ["node_modules/next/dist/bin/next", command, "-p", PORT], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    encoding: "utf8",
    timeout: command === "dev" ? 90_000 : 30_000,
  });
}

test("the server refuses to start on invalid configuration and names the variable", () => {
  const badCloud = startWith({ AZURE_CLIENT_ID: "66666666-7777-4888-9999-aaaaaaaaaaaa", AZURE_TENANT_ID: "11111111-2222-4333-8444-555555555555", AZURE_CLOUD: "mars" });
  expect(badCloud.status).toBe(1);
  expect(badCloud.stderr).toContain("AZURE_CLOUD must be one of global, usgov, dod, china");

  const missingTenant = startWith({ AZURE_CLIENT_ID: "66666666-7777-4888-9999-aaaaaaaaaaaa" });
  expect(missingTenant.status).toBe(1);
  expect(missingTenant.stderr).toContain("AZURE_TENANT_ID is required");
});

for (const command of ["start", "dev"] as const) {
  test(`next ${command} with no tenant and no DASHBOARD_EMULATOR=1 refuses to start, naming the variables`, () => {
    test.setTimeout(120_000);
    const result = startWith({ ...NO_TENANT, ...(command === "dev" ? { NODE_ENV: "development" } : {}) }, command);
    expect(result.status, result.stdout + result.stderr).toBe(1);
    expect(result.stderr).toContain("Invalid configuration: AZURE_CLIENT_ID and AZURE_TENANT_ID are not set, and DASHBOARD_EMULATOR is not 1.");
    expect(result.stderr).toContain("DASHBOARD_EMULATOR=1 to serve the local emulator");
    expect(result.stdout).not.toContain("Using the local emulator");
  });
}

test("the emulator's address must be https unless it is on this machine", () => {
  const result = startWith({ ...NO_TENANT, DASHBOARD_EMULATOR: "1", EMULATOR_URL: "http://emulator.contoso.example:4010" });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain("EMULATOR_URL must be an https URL (http only for localhost, 127.0.0.0/8, [::1])");
});
