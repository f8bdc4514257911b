import { ConfigError, getRuntimeConfig } from "./config";

/** Stops the server at start when the environment is misconfigured, naming the variable. */
export function checkConfigAtStart(): void {
  try {
    const config = getRuntimeConfig();
    console.log(config.usesEmulator ? `Using the local emulator at ${config.graphRoot}` : `Using tenant ${config.tenantId} (${config.cloud} cloud)`);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
