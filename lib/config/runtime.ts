/**
 * Runtime configuration, read from the environment on every call so one build
 * serves every environment. AZURE_* variables point the dashboard at a real
 * tenant; DASHBOARD_EMULATOR=1 at the local emulator. With neither, nothing
 * starts: a production server must never fall back to the emulator by accident.
 */
import { z } from "zod";
import { TENANT_ID_PATTERN } from "@/lib/core/tenant-id";

export const CLOUDS = {
  global: { graphRoot: "https://graph.microsoft.com", authorityHost: "https://login.microsoftonline.com", deletedItems: true },
  usgov: { graphRoot: "https://graph.microsoft.us", authorityHost: "https://login.microsoftonline.us", deletedItems: false },
  dod: { graphRoot: "https://dod-graph.microsoft.us", authorityHost: "https://login.microsoftonline.us", deletedItems: false },
  china: { graphRoot: "https://microsoftgraph.chinacloudapi.cn", authorityHost: "https://login.chinacloudapi.cn", deletedItems: false },
} as const;

export type Cloud = keyof typeof CLOUDS;

export const EMULATOR_DEFAULTS = {
  url: "http://localhost:4010",
  tenantId: "7d0c5f8e-3b1a-4c2d-9e8f-1a2b3c4d5e6f",
  clientId: "3f4e5d6c-7b8a-4c9d-8e1f-2a3b4c5d6e7f",
  placeholderAuthorityHost: "login.emulator.test",
} as const;

export const GRAPH_SCOPE_NAMES = ["Policy.Read.All", "Policy.ReadWrite.CrossTenantAccess", "CrossTenantInformation.ReadBasic.All"] as const;

/** Everything the browser needs to run MSAL; contains no secret. */
export interface PublicAuthConfig {
  clientId: string;
  tenantId: string;
  authority: string;
  knownAuthorities: string[];
  /** JSON string handed to MSAL so it never calls instance discovery. */
  authorityMetadata: string | null;
  /** Delegated Graph scopes as full URIs on the cloud's Graph root. */
  graphScopes: string[];
  cloud: Cloud;
  /** deletedItems and restore are documented for the global cloud only. */
  deletedItemsSupported: boolean;
  usesEmulator: boolean;
}

export interface RuntimeConfig extends PublicAuthConfig {
  /** Where server actions send Graph calls, without the version segment. */
  graphRoot: string;
  /**
   * The cloud's own Graph root. Behind a proxy (GRAPH_BASE_URL) Graph still
   * writes its nextLinks on this origin; they are followed through graphRoot.
   */
  cloudGraphRoot: string;
}

/** The one switch that asks for the local emulator (`npm run demo`, `npm run dev`, the browser tests set it). */
export const EMULATOR_SWITCH = "DASHBOARD_EMULATOR";

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`Invalid configuration: ${variable} ${detail}`);
    this.name = "ConfigError";
  }
}

const guid = z.string().regex(TENANT_ID_PATTERN);
const anyUrl = z.url({ protocol: /^https?$/ });
/**
 * This machine: localhost, 127.0.0.0/8, [::1]. The URL parser has already normalised the host
 * (`127.1` and `0x7f.0.0.1` read as 127.0.0.1), so a name merely starting with "127." or
 * "localhost" is not loopback.
 */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}
/** https, or plain http on this machine only (a local proxy or emulator): tokens never cross a network in clear text. */
const httpsUrl = anyUrl.refine((value) => {
  // Zod runs the refinement even after the URL check failed.
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return url.protocol === "https:" || isLoopbackHost(url.hostname);
});

type Env = Record<string, string | undefined>;

function read<T>(env: Env, name: string, schema: z.ZodType<T>, hint: string): T | undefined {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === "") return undefined;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(name, `must be ${hint} (got "${raw.slice(0, 80)}")`);
  return parsed.data;
}

function stripTrailingSlash(url: string): string {
  return url.replace(/\/+$/, "");
}

const REAL_TENANT_VARIABLES = ["AZURE_CLIENT_ID", "AZURE_TENANT_ID", "AZURE_CLOUD", "AZURE_AUTHORITY", "GRAPH_BASE_URL"];

export function parseConfig(env: Env): RuntimeConfig {
  const cloudName = read(env, "AZURE_CLOUD", z.enum(["global", "usgov", "dod", "china"]), "one of global, usgov, dod, china");
  const tenantVariables = REAL_TENANT_VARIABLES.filter((name) => (env[name] ?? "").trim() !== "");
  const emulatorAskedFor = read(env, EMULATOR_SWITCH, z.enum(["0", "1"]), "1 (serve the local emulator) or 0") === "1";

  if (tenantVariables.length > 0 && emulatorAskedFor) {
    throw new ConfigError(EMULATOR_SWITCH, `is 1 but ${tenantVariables.join(", ")} point${tenantVariables.length === 1 ? "s" : ""} at a Microsoft tenant: unset one or the other`);
  }
  if (tenantVariables.length === 0) {
    if (!emulatorAskedFor) {
      throw new ConfigError(
        "AZURE_CLIENT_ID",
        `and AZURE_TENANT_ID are not set, and ${EMULATOR_SWITCH} is not 1. Set AZURE_CLIENT_ID and AZURE_TENANT_ID ` +
          `(with AZURE_CLOUD, AZURE_AUTHORITY, GRAPH_BASE_URL as needed) to serve a Microsoft tenant, ` +
          `or ${EMULATOR_SWITCH}=1 to serve the local emulator (development and demos only)`,
      );
    }
    const emulatorUrl = stripTrailingSlash(read(env, "EMULATOR_URL", httpsUrl, "an https URL (http only for localhost, 127.0.0.0/8, [::1])") ?? EMULATOR_DEFAULTS.url);
    // The emulator and the dashboard share EMULATOR_TENANT_ID, as `npm run demo` starts both from one environment.
    const tenantId = (read(env, "EMULATOR_TENANT_ID", guid, "a tenant id GUID") ?? EMULATOR_DEFAULTS.tenantId).toLowerCase();
    const endpoints = `${emulatorUrl}/${tenantId}`;
    const graphRoot = CLOUDS.global.graphRoot;
    return {
      clientId: EMULATOR_DEFAULTS.clientId,
      tenantId,
      authority: `https://${EMULATOR_DEFAULTS.placeholderAuthorityHost}/${tenantId}`,
      knownAuthorities: [EMULATOR_DEFAULTS.placeholderAuthorityHost],
      authorityMetadata: JSON.stringify({
        authorization_endpoint: `${endpoints}/oauth2/v2.0/authorize`,
        token_endpoint: `${endpoints}/oauth2/v2.0/token`,
        end_session_endpoint: `${endpoints}/oauth2/v2.0/logout`,
        jwks_uri: `${endpoints}/discovery/v2.0/keys`,
        issuer: `${endpoints}/v2.0`,
      }),
      graphScopes: GRAPH_SCOPE_NAMES.map((scope) => `${graphRoot}/${scope}`),
      cloud: "global",
      deletedItemsSupported: true,
      usesEmulator: true,
      graphRoot: emulatorUrl,
      cloudGraphRoot: graphRoot,
    };
  }

  const clientId = read(env, "AZURE_CLIENT_ID", guid, "the application (client) id GUID of the SPA registration");
  if (!clientId) throw new ConfigError("AZURE_CLIENT_ID", "is required when pointing at a real tenant");
  const tenantId = read(env, "AZURE_TENANT_ID", guid, "the directory (tenant) id GUID");
  if (!tenantId) throw new ConfigError("AZURE_TENANT_ID", "is required when pointing at a real tenant");
  const cloud = CLOUDS[cloudName ?? "global"];
  const authority = stripTrailingSlash(read(env, "AZURE_AUTHORITY", httpsUrl, "an https URL (http only for localhost, 127.0.0.0/8, [::1])") ?? `${cloud.authorityHost}/${tenantId}`);
  const graphRoot = stripTrailingSlash(read(env, "GRAPH_BASE_URL", httpsUrl, "an https URL such as https://graph.microsoft.com (http only for localhost, 127.0.0.0/8, [::1])") ?? cloud.graphRoot);

  return {
    clientId,
    tenantId,
    authority,
    knownAuthorities: [new URL(authority).host],
    authorityMetadata: null,
    graphScopes: GRAPH_SCOPE_NAMES.map((scope) => `${cloud.graphRoot}/${scope}`),
    cloud: cloudName ?? "global",
    deletedItemsSupported: cloud.deletedItems,
    usesEmulator: false,
    graphRoot,
    cloudGraphRoot: cloud.graphRoot,
  };
}

export function getRuntimeConfig(): RuntimeConfig {
  return parseConfig(process.env);
}

export function toPublicAuthConfig(config: RuntimeConfig): PublicAuthConfig {
  const { graphRoot: _graphRoot, cloudGraphRoot: _cloudGraphRoot, ...publicPart } = config;
  return publicPart;
}
