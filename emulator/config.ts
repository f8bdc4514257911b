/**
 * Emulator options and how they are read from the environment (EMULATOR_*).
 */
import { DEFAULT_CLIENT_SECRET, DEFAULT_TENANT_ID, DEFAULT_USER_PASSWORD } from "./entra/directory";
import { FAULT_LIMITS, type FaultSettings } from "./faults";
import { DEFAULT_REPORTS_LIMIT } from "./graph/reports-throttle";
import { isGuid } from "./guid";
import { MAX_PARTNERS } from "./seed";
import { MAX_PROVISIONING_LOGS, MAX_SYNC_CONFIGURATIONS } from "./outbound-seed";

type Env = Readonly<Record<string, string | undefined>>;

const DEFAULT_PORT = 4010;
/** Loopback unless EMULATOR_HOST says otherwise: the emulator signs anyone in with a published password. */
export const DEFAULT_HOST = "127.0.0.1";
const DEFAULT_TOKEN_LIFETIME_SECONDS = 3600;

export interface EmulatorOptions {
  /** 0 picks a free port (tests). */
  port: number;
  /** Interface to bind: 127.0.0.1 unless EMULATOR_HOST names another (`::` or `0.0.0.0` for every interface). */
  host: string;
  tenantId: string;
  clientSecret: string;
  userPassword: string;
  /** Extra SPA redirect URIs besides http://localhost:<any port>/redirect. */
  redirectUris: string[];
  tokenLifetimeSeconds: number;
  /** Total partners (generated ones fill up to it). */
  partners: number;
  /** Extra "Bulk Partner NN" partners with a deleted sync policy. */
  deleted: number;
  /** Total cross-tenant sync configurations (the six seeded ones, then generated). */
  syncConfigurations: number;
  /** Provisioning log entries at least (older generated entries fill up). */
  provisioningLogs: number;
  stateFile?: string;
  /** Audit-log requests allowed per 10 s per client (0: no limit). */
  reportsLimit: number;
  faults: Partial<FaultSettings>;
  log: (message: string) => void;
}

export function defaultOptions(overrides: Partial<EmulatorOptions> = {}): EmulatorOptions {
  return {
    port: DEFAULT_PORT,
    host: DEFAULT_HOST,
    tenantId: DEFAULT_TENANT_ID,
    clientSecret: DEFAULT_CLIENT_SECRET,
    userPassword: DEFAULT_USER_PASSWORD,
    redirectUris: [],
    tokenLifetimeSeconds: DEFAULT_TOKEN_LIFETIME_SECONDS,
    partners: 0,
    deleted: 0,
    syncConfigurations: 0,
    provisioningLogs: 0,
    reportsLimit: DEFAULT_REPORTS_LIMIT,
    faults: {},
    log: () => {},
    ...overrides,
  };
}

function number(env: Env, name: string, min: number, max: number, integer: boolean): number | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    throw new Error(`${name} must be ${integer ? "an integer" : "a number"} between ${min} and ${max} (got '${raw}').`);
  }
  return value;
}

const FAULT_ENV: [string, keyof FaultSettings][] = [
  ["EMULATOR_LATENCY_MS", "latencyMs"],
  ["EMULATOR_THROTTLE_RATE", "throttleRate"],
  ["EMULATOR_UNAVAILABLE_RATE", "unavailableRate"],
];

export function optionsFromEnv(env: Env = process.env): EmulatorOptions {
  const tenantId = env.EMULATOR_TENANT_ID?.trim().toLowerCase() || DEFAULT_TENANT_ID;
  if (!isGuid(tenantId)) throw new Error(`EMULATOR_TENANT_ID must be a GUID (got '${tenantId}').`);
  const faults: Partial<FaultSettings> = {};
  for (const [name, setting] of FAULT_ENV) {
    const { min, max, integer } = FAULT_LIMITS[setting];
    const value = number(env, name, min, max, integer);
    if (value !== undefined) faults[setting] = value;
  }
  return defaultOptions({
    port: number(env, "EMULATOR_PORT", 0, 65535, true) ?? DEFAULT_PORT,
    host: env.EMULATOR_HOST?.trim() || DEFAULT_HOST,
    tenantId,
    clientSecret: env.EMULATOR_CLIENT_SECRET || DEFAULT_CLIENT_SECRET,
    userPassword: env.EMULATOR_USER_PASSWORD || DEFAULT_USER_PASSWORD,
    redirectUris: (env.EMULATOR_REDIRECT_URIS ?? "").split(",").map((s) => s.trim()).filter(Boolean),
    tokenLifetimeSeconds: number(env, "EMULATOR_TOKEN_LIFETIME_SECONDS", 1, 7 * 24 * 3600, true) ?? DEFAULT_TOKEN_LIFETIME_SECONDS,
    partners: number(env, "EMULATOR_PARTNERS", 0, MAX_PARTNERS, true) ?? 0,
    deleted: number(env, "EMULATOR_DELETED", 0, 1000, true) ?? 0,
    syncConfigurations: number(env, "EMULATOR_SYNC_CONFIGURATIONS", 0, MAX_SYNC_CONFIGURATIONS, true) ?? 0,
    provisioningLogs: number(env, "EMULATOR_PROVISIONING_LOGS", 0, MAX_PROVISIONING_LOGS, true) ?? 0,
    stateFile: env.EMULATOR_STATE_FILE?.trim() || undefined,
    reportsLimit: number(env, "EMULATOR_REPORTS_LIMIT", 0, 10_000, true) ?? DEFAULT_REPORTS_LIMIT,
    faults,
    log: (message) => console.log(message),
  });
}
