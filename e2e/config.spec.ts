import { spawnSync } from "node:child_process";
import { expect, test } from "@playwright/test";

function startWith(env: Record<string, string>) {
  return spawnSync("node", ["node_modules/next/dist/bin/next", "start", "-p", "3399"], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    encoding: "utf8",
    timeout: 30_000,
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
