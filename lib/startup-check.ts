import { ConfigError, getRuntimeConfig, type RuntimeConfig } from "./config";

/** The one line the server prints at start: which directory it serves, so nobody mistakes the emulator for a tenant. */
export function describeTarget(config: RuntimeConfig): string {
  if (!config.usesEmulator) return `Using tenant ${config.tenantId} (${config.cloud} cloud)`;
  return `Using the local emulator at ${config.graphRoot}, not a Microsoft tenant: no AZURE_* variable is set (see README, "Using it with a real tenant").`;
}

/** Stops the server at start when the environment is misconfigured, naming the variable. */
export function checkConfigAtStart(): void {
  try {
    console.log(describeTarget(getRuntimeConfig()));
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
