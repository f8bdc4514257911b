import { ConfigError, EMULATOR_SWITCH, getRuntimeConfig, type RuntimeConfig } from "./runtime";

/** The one line the server prints at start: which directory it serves, so nobody mistakes the emulator for a tenant. */
export function describeTarget(config: RuntimeConfig): string {
  if (!config.usesEmulator) return `Using tenant ${config.tenantId} (${config.cloud} cloud)`;
  return `Using the local emulator at ${config.graphRoot}, not a Microsoft tenant: ${EMULATOR_SWITCH}=1 asked for it (see README, "Using it with a real tenant").`;
}

/**
 * Stops the server at start when the environment is misconfigured, naming the variable; that
 * includes no tenant at all, since the emulator is served only when DASHBOARD_EMULATOR=1 asks for it.
 * Runs for `next start` and `next dev` alike (instrumentation.ts).
 */
export function checkConfigAtStart(): void {
  try {
    console.log(describeTarget(getRuntimeConfig()));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
