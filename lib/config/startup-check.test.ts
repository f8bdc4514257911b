import { afterEach, describe, expect, it, vi } from "vitest";
import { checkConfigAtStart } from "./startup-check";

const AZURE = ["AZURE_CLIENT_ID", "AZURE_TENANT_ID", "AZURE_CLOUD", "AZURE_AUTHORITY", "GRAPH_BASE_URL", "EMULATOR_URL", "EMULATOR_TENANT_ID", "DASHBOARD_EMULATOR"];

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("checkConfigAtStart", () => {
  it("stops a production server with no AZURE_* variable and no DASHBOARD_EMULATOR=1, naming them", () => {
    for (const name of AZURE) vi.stubEnv(name, "");
    vi.stubEnv("NODE_ENV", "production");
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const exit = vi.spyOn(process, "exit").mockImplementation(() => undefined as never);
    checkConfigAtStart();
    expect(exit).toHaveBeenCalledWith(1);
    expect(log).not.toHaveBeenCalled();
    expect(error).toHaveBeenCalledOnce();
    const line = String(error.mock.calls[0]?.[0]);
    expect(line).toMatch(/^Invalid configuration: AZURE_CLIENT_ID and AZURE_TENANT_ID are not set, and DASHBOARD_EMULATOR is not 1\./);
    expect(line).toContain("DASHBOARD_EMULATOR=1 to serve the local emulator");
  });

  it("starts on the emulator when DASHBOARD_EMULATOR=1 asks for it, and says so in one line", () => {
    for (const name of AZURE) vi.stubEnv(name, "");
    vi.stubEnv("DASHBOARD_EMULATOR", "1");
    vi.stubEnv("NODE_ENV", "production");
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const exit = vi.spyOn(process, "exit").mockImplementation(() => undefined as never);
    checkConfigAtStart();
    expect(exit).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledOnce();
    const line = String(log.mock.calls[0]?.[0]);
    expect(line).not.toContain("\n");
    expect(line).toMatch(/^Using the local emulator at http:\/\/localhost:4010, not a Microsoft tenant: DASHBOARD_EMULATOR=1 asked for it/);
  });

  it("names the tenant when pointed at one", () => {
    for (const name of AZURE) vi.stubEnv(name, "");
    vi.stubEnv("AZURE_CLIENT_ID", "3f4e5d6c-7b8a-4c9d-8e1f-2a3b4c5d6e7f");
    vi.stubEnv("AZURE_TENANT_ID", "7d0c5f8e-3b1a-4c2d-9e8f-1a2b3c4d5e6f");
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    checkConfigAtStart();
    expect(String(log.mock.calls[0]?.[0])).toBe("Using tenant 7d0c5f8e-3b1a-4c2d-9e8f-1a2b3c4d5e6f (global cloud)");
  });
});
