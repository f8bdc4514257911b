import { vi } from "vitest";

/** Test support: pin the environment so actions see the emulator configuration, whatever the shell has set. */
export function pinEmulatorEnv(): void {
  for (const name of ["AZURE_CLIENT_ID", "AZURE_TENANT_ID", "AZURE_CLOUD", "AZURE_AUTHORITY", "GRAPH_BASE_URL", "EMULATOR_URL"]) {
    vi.stubEnv(name, "");
  }
  vi.stubEnv("DASHBOARD_EMULATOR", "1");
}

export { TENANT, TOKEN } from "./sample-arguments";
