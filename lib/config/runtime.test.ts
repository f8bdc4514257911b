import { describe, expect, it } from "vitest";
import { ConfigError, EMULATOR_DEFAULTS, isLoopbackHost, parseConfig, toPublicAuthConfig } from "./runtime";

const TENANT = "11111111-2222-4333-8444-555555555555";
const CLIENT = "66666666-7777-4888-9999-aaaaaaaaaaaa";
const EMULATOR = { DASHBOARD_EMULATOR: "1" };

describe("parseConfig: the emulator only when asked for", () => {
  it.each([{}, { DASHBOARD_EMULATOR: "" }, { DASHBOARD_EMULATOR: "0" }, { EMULATOR_URL: "http://localhost:4010" }, { EMULATOR_TENANT_ID: TENANT }])(
    "refuses to run with no tenant and no DASHBOARD_EMULATOR=1 (%o), naming every variable that would fix it",
    (env) => {
      expect(() => parseConfig(env)).toThrowError(ConfigError);
      let message = "";
      try {
        parseConfig(env);
      } catch (error) {
        message = (error as Error).message;
      }
      for (const variable of ["AZURE_CLIENT_ID", "AZURE_TENANT_ID", "AZURE_CLOUD", "AZURE_AUTHORITY", "GRAPH_BASE_URL", "DASHBOARD_EMULATOR=1"]) {
        expect(message).toContain(variable);
      }
      expect(message).not.toContain("\n");
    },
  );

  it.each(["true", "yes", "2", "on"])("accepts only 1 or 0 for DASHBOARD_EMULATOR (%s)", (value) => {
    expect(() => parseConfig({ DASHBOARD_EMULATOR: value })).toThrowError(/^Invalid configuration: DASHBOARD_EMULATOR must be 1 \(serve the local emulator\) or 0/);
  });

  it("refuses DASHBOARD_EMULATOR=1 beside variables that point at a tenant, naming them", () => {
    expect(() => parseConfig({ ...EMULATOR, AZURE_CLIENT_ID: CLIENT, AZURE_TENANT_ID: TENANT })).toThrowError(
      "Invalid configuration: DASHBOARD_EMULATOR is 1 but AZURE_CLIENT_ID, AZURE_TENANT_ID point at a Microsoft tenant",
    );
    expect(() => parseConfig({ ...EMULATOR, GRAPH_BASE_URL: "https://graph.proxy.contoso.example" })).toThrowError(/DASHBOARD_EMULATOR is 1 but GRAPH_BASE_URL points at/);
  });

  it("serves a tenant with DASHBOARD_EMULATOR=0 or unset", () => {
    expect(parseConfig({ DASHBOARD_EMULATOR: "0", AZURE_CLIENT_ID: CLIENT, AZURE_TENANT_ID: TENANT }).usesEmulator).toBe(false);
    expect(parseConfig({ AZURE_CLIENT_ID: CLIENT, AZURE_TENANT_ID: TENANT }).usesEmulator).toBe(false);
  });

  it.each([
    "http://emulator.contoso.example:4010",
    "http://10.0.0.5:4010",
    "http://192.168.1.20:4010",
    "http://0.0.0.0:4010",
    "http://localhost.evil.example:4010",
    "http://127.0.0.1.nip.io:4010",
    "http://[::ffff:127.0.0.1]:4010",
    "ftp://localhost:4010",
  ])("refuses EMULATOR_URL %s: plain http only on this machine", (value) => {
    expect(() => parseConfig({ ...EMULATOR, EMULATOR_URL: value })).toThrowError(/^Invalid configuration: EMULATOR_URL must be an https URL/);
  });

  it.each([
    ["http://localhost:4110", "http://localhost:4110"],
    ["http://127.0.0.1:4110", "http://127.0.0.1:4110"],
    ["http://127.8.9.10:4110", "http://127.8.9.10:4110"],
    ["http://[::1]:4110", "http://[::1]:4110"],
    ["https://emulator.contoso.example/", "https://emulator.contoso.example"],
  ])("accepts EMULATOR_URL %s", (value, graphRoot) => {
    expect(parseConfig({ ...EMULATOR, EMULATOR_URL: value }).graphRoot).toBe(graphRoot);
  });
});

describe("isLoopbackHost", () => {
  it.each([
    ["localhost", true],
    ["127.0.0.1", true],
    ["127.255.255.254", true],
    ["[::1]", true],
    ["localhost.example", false],
    ["127.0.0.1.example", false],
    ["128.0.0.1", false],
    ["::1", false],
    ["0.0.0.0", false],
  ])("%s: %s", (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});

describe("parseConfig", () => {
  it("uses the local emulator when DASHBOARD_EMULATOR=1 asks for it", () => {
    const config = parseConfig(EMULATOR);
    expect(config.usesEmulator).toBe(true);
    expect(config.clientId).toBe(EMULATOR_DEFAULTS.clientId);
    expect(config.authority).toMatch(/^https:\/\/login\.emulator\.test\//);
    expect(config.knownAuthorities).toEqual(["login.emulator.test"]);
    const metadata = JSON.parse(config.authorityMetadata ?? "{}") as Record<string, string>;
    expect(metadata.token_endpoint).toBe(`http://localhost:4010/${EMULATOR_DEFAULTS.tenantId}/oauth2/v2.0/token`);
    expect(config.graphRoot).toBe("http://localhost:4010");
    expect(config.graphScopes).toEqual([
      "https://graph.microsoft.com/Policy.Read.All",
      "https://graph.microsoft.com/Policy.ReadWrite.CrossTenantAccess",
      "https://graph.microsoft.com/CrossTenantInformation.ReadBasic.All",
    ]);
  });

  it("follows EMULATOR_URL for the emulator's endpoints", () => {
    const config = parseConfig({ ...EMULATOR, EMULATOR_URL: "http://localhost:4110/" });
    expect(config.graphRoot).toBe("http://localhost:4110");
    expect(config.authorityMetadata).toContain("http://localhost:4110/");
  });

  it("follows the emulator's EMULATOR_TENANT_ID", () => {
    const config = parseConfig({ ...EMULATOR, EMULATOR_TENANT_ID: TENANT });
    expect(config.tenantId).toBe(TENANT);
    expect(config.authority).toBe(`https://login.emulator.test/${TENANT}`);
    expect(config.authorityMetadata).toContain(`http://localhost:4010/${TENANT}/oauth2/v2.0/token`);
  });

  it("selects the national cloud's Graph root and authority host", () => {
    const config = parseConfig({ AZURE_CLIENT_ID: CLIENT, AZURE_TENANT_ID: TENANT, AZURE_CLOUD: "usgov" });
    expect(config.usesEmulator).toBe(false);
    expect(config.graphRoot).toBe("https://graph.microsoft.us");
    expect(config.authority).toBe(`https://login.microsoftonline.us/${TENANT}`);
    expect(config.graphScopes[0]).toBe("https://graph.microsoft.us/Policy.Read.All");
    expect(config.deletedItemsSupported).toBe(false);
    expect(config.authorityMetadata).toBeNull();
  });

  it("defaults to the global cloud and honours explicit overrides", () => {
    const config = parseConfig({
      AZURE_CLIENT_ID: CLIENT,
      AZURE_TENANT_ID: TENANT,
      AZURE_AUTHORITY: "https://login.contoso.example/tenant/",
      GRAPH_BASE_URL: "https://graph.proxy.contoso.example/",
    });
    expect(config.cloud).toBe("global");
    expect(config.authority).toBe("https://login.contoso.example/tenant");
    expect(config.knownAuthorities).toEqual(["login.contoso.example"]);
    expect(config.graphRoot).toBe("https://graph.proxy.contoso.example");
    expect(config.graphScopes[1]).toBe("https://graph.microsoft.com/Policy.ReadWrite.CrossTenantAccess");
    expect(config.deletedItemsSupported).toBe(true);
  });

  it.each([
    [{ AZURE_TENANT_ID: TENANT }, "AZURE_CLIENT_ID"],
    [{ AZURE_CLIENT_ID: CLIENT }, "AZURE_TENANT_ID"],
    [{ AZURE_CLIENT_ID: "not-a-guid", AZURE_TENANT_ID: TENANT }, "AZURE_CLIENT_ID"],
    [{ AZURE_CLIENT_ID: CLIENT, AZURE_TENANT_ID: TENANT, AZURE_CLOUD: "mars" }, "AZURE_CLOUD"],
    [{ AZURE_CLIENT_ID: CLIENT, AZURE_TENANT_ID: TENANT, AZURE_AUTHORITY: "http://login.example/x" }, "AZURE_AUTHORITY"],
    [{ AZURE_CLIENT_ID: CLIENT, AZURE_TENANT_ID: TENANT, GRAPH_BASE_URL: "ftp://graph" }, "GRAPH_BASE_URL"],
    [{ ...EMULATOR, EMULATOR_URL: "nonsense" }, "EMULATOR_URL"],
    [{ ...EMULATOR, EMULATOR_TENANT_ID: "contoso" }, "EMULATOR_TENANT_ID"],
  ])("names the faulty variable (%o)", (env, variable) => {
    expect(() => parseConfig(env)).toThrowError(ConfigError);
    expect(() => parseConfig(env)).toThrowError(variable);
  });

  it.each([
    ["GRAPH_BASE_URL", "http://graph.proxy.contoso.example"],
    ["GRAPH_BASE_URL", "http://10.0.0.5:8080"],
    ["GRAPH_BASE_URL", "http://localhost.evil.example"],
    ["AZURE_AUTHORITY", "http://login.contoso.example/tenant"],
    ["AZURE_AUTHORITY", "http://127.0.0.1.nip.io/tenant"],
    ["AZURE_AUTHORITY", "http://[::ffff:127.0.0.1]/tenant"],
  ])("refuses plain http off this machine for %s (%s), naming the variable", (variable, value) => {
    const env = { AZURE_CLIENT_ID: CLIENT, AZURE_TENANT_ID: TENANT, [variable]: value };
    expect(() => parseConfig(env)).toThrowError(ConfigError);
    expect(() => parseConfig(env)).toThrowError(new RegExp(`^Invalid configuration: ${variable} must be an https URL`));
  });

  it.each(["http://localhost:8443", "http://127.0.0.1:8443", "http://127.0.0.2:8443", "http://[::1]:8443"])("accepts plain http on this machine (%s)", (value) => {
    const config = parseConfig({ AZURE_CLIENT_ID: CLIENT, AZURE_TENANT_ID: TENANT, GRAPH_BASE_URL: value, AZURE_AUTHORITY: `${value}/${TENANT}` });
    expect(config.graphRoot).toBe(value);
    expect(config.authority).toBe(`${value}/${TENANT}`);
  });

  it("keeps the cloud's Graph root beside a proxy, for following Graph's own paging links", () => {
    const config = parseConfig({ AZURE_CLIENT_ID: CLIENT, AZURE_TENANT_ID: TENANT, AZURE_CLOUD: "usgov", GRAPH_BASE_URL: "https://graph-proxy.contoso.example" });
    expect(config.graphRoot).toBe("https://graph-proxy.contoso.example");
    expect(config.cloudGraphRoot).toBe("https://graph.microsoft.us");
  });

  it("hands the browser no server-side address", () => {
    const publicConfig = toPublicAuthConfig(parseConfig(EMULATOR));
    expect(publicConfig).not.toHaveProperty("graphRoot");
    expect(publicConfig).not.toHaveProperty("cloudGraphRoot");
  });
});
