/**
 * `npm run emulator`: starts the Graph + Entra emulator from EMULATOR_* settings,
 * prints where everything is, and stops cleanly on SIGINT/SIGTERM.
 */
import { optionsFromEnv } from "./config";
import { ACCOUNTS, AUTOMATION_CLIENT_ID, DEFAULT_USER_PASSWORD, SPA_CLIENT_ID } from "./entra/directory";
import { startEmulator, type EmulatorHandle } from "./server";

async function main(): Promise<void> {
  const options = optionsFromEnv();
  let emulator: EmulatorHandle | null = null;
  let stopping = false;
  // Registered before anything is printed, so a supervisor that signals as soon as it sees the banner is honoured.
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the emulator.`);
    (emulator?.close() ?? Promise.resolve()).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));

  emulator = await startEmulator(options);
  const t = emulator.tenantId;
  const lines = [
    `Graph + Entra emulator listening on ${emulator.url} (bound to ${options.host}; EMULATOR_HOST to change)`,
    "",
    `  Graph         ${emulator.url}/beta   ${emulator.url}/v1.0`,
    `  OpenID config ${emulator.issuer}/.well-known/openid-configuration`,
    `  Authorize     ${emulator.url}/${t}/oauth2/v2.0/authorize`,
    `  Token         ${emulator.url}/${t}/oauth2/v2.0/token`,
    `  Control API   ${emulator.url}/_emulator/health (loopback only)`,
    "",
    `  Tenant        ${t}`,
    `  SPA client    ${SPA_CLIENT_ID}`,
    `  Automation    ${AUTOMATION_CLIENT_ID} (secret from EMULATOR_CLIENT_SECRET)`,
    "",
    `  Demo accounts (password: ${options.userPassword === DEFAULT_USER_PASSWORD ? DEFAULT_USER_PASSWORD : "from EMULATOR_USER_PASSWORD"})`,
    ...ACCOUNTS.map((a) => `    ${a.username.padEnd(26)} ${a.displayName.padEnd(14)} ${a.roleName ?? "no directory role"}`),
    "",
    `  Partners: ${emulator.store.partners.size}, deleted sync policies: ${emulator.store.deletedSyncPolicies.size}, ` +
      `sync configurations: ${emulator.store.outbound.state.configurations.length}, provisioning log entries: ${emulator.store.outbound.state.logs.length}` +
      (options.stateFile ? `, state file: ${options.stateFile}` : ", state in memory"),
  ];
  console.log(lines.join("\n"));
}

main().catch((error: unknown) => {
  console.error(`Emulator failed to start: ${(error as Error).message}`);
  process.exit(1);
});
