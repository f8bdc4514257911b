/**
 * `npm run snapshot [file]`: the tenant's cross-tenant configuration as a snapshot, for a scheduled
 * job. Signs in as an application (client credentials) against the configured tenant or, with
 * DASHBOARD_EMULATOR=1, the local emulator; builds the same document as the dashboard's "Export
 * snapshot"; writes it to `file`, or to standard output. The token is kept in memory only.
 *
 *   SNAPSHOT_CLIENT_ID, SNAPSHOT_CLIENT_SECRET   the app registration (application permissions
 *     Policy.Read.All and CrossTenantInformation.ReadBasic.All); on the emulator they default to
 *     its automation client.
 */
import { writeFileSync } from "node:fs";
import { getRuntimeConfig, type RuntimeConfig } from "@/lib/config/runtime";
import { collectSnapshot } from "@/lib/snapshots/collect";
import { snapshotText } from "@/lib/snapshots/build";
import { graphSnapshotSource } from "@/lib/graph/snapshot-source";

process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = "1";

const EMULATOR_AUTOMATION_CLIENT_ID = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

function tokenEndpoint(config: RuntimeConfig): string {
  if (config.authorityMetadata) return (JSON.parse(config.authorityMetadata) as { token_endpoint: string }).token_endpoint;
  return `${config.authority}/oauth2/v2.0/token`;
}

function credentials(config: RuntimeConfig): { clientId: string; secret: string } {
  const clientId = process.env.SNAPSHOT_CLIENT_ID?.trim() || (config.usesEmulator ? EMULATOR_AUTOMATION_CLIENT_ID : "");
  const secret = process.env.SNAPSHOT_CLIENT_SECRET || (config.usesEmulator ? (process.env.EMULATOR_CLIENT_SECRET ?? "emulator-automation-secret") : "");
  if (!clientId || !secret) throw new Error("Set SNAPSHOT_CLIENT_ID and SNAPSHOT_CLIENT_SECRET (an app registration with Policy.Read.All and CrossTenantInformation.ReadBasic.All).");
  return { clientId, secret };
}

async function appToken(config: RuntimeConfig): Promise<string> {
  const { clientId, secret } = credentials(config);
  const response = await fetch(tokenEndpoint(config), {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: clientId, client_secret: secret, scope: `${config.cloudGraphRoot}/.default` }),
  });
  const body = (await response.json().catch(() => ({}))) as { access_token?: unknown; error?: unknown };
  if (!response.ok || typeof body.access_token !== "string") throw new Error(`Sign-in as the application failed (${response.status}${typeof body.error === "string" ? ` ${body.error}` : ""}).`);
  return body.access_token;
}

async function main(): Promise<void> {
  const [file] = process.argv.slice(2);
  const config = getRuntimeConfig();
  const token = await appToken(config);
  const document = await collectSnapshot(graphSnapshotSource(token, config.tenantId), (progress) => {
    if (file) process.stderr.write(`\rPartners ${progress.partners}, deleted partners ${progress.deletedPartners}, deleted sync policies ${progress.deletedSyncPolicies}, names ${progress.names}`);
  });
  const text = snapshotText(document);
  if (file) {
    writeFileSync(file, text);
    process.stderr.write(`\nWrote ${file}: ${document.partners.length} partners, ${document.deletedPartners.length} deleted partners, ${document.deletedSyncPolicies.length} deleted sync policies.\n`);
  } else process.stdout.write(text);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : "The snapshot failed."}\n`);
  process.exitCode = 1;
});
