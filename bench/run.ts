/**
 * `npm run bench`: how long the dashboard's own Graph work takes at scale,
 * against the emulator in-process. Prints a table; asserts nothing.
 *   - partners view: lib/graph listPartners (every nextLink page) + deleted items
 *   - bulk restore: 25 policies through $batch
 *   - filter + sort of the partners table in the browser code path
 * BENCH_ITERATIONS tunes the number of runs per row.
 */
import { startEmulator } from "../emulator/server";
import { AUTOMATION_CLIENT_ID, DEFAULT_CLIENT_SECRET } from "../emulator/entra/directory";
import { listPartners } from "../lib/graph/partners";
import { listDeletedSyncPolicies } from "../lib/graph/sync-policies";
import { restoreSyncPolicies } from "../lib/graph/batch";
import { applyPartnersFilter, DEFAULT_FILTER } from "../lib/partners-filter";

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 10);

interface Row {
  operation: string;
  size: string;
  runs: number;
  "p50 ms": number;
  "p99 ms": number;
  "max ms": number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? 0;
}

async function measure(operation: string, size: string, runs: number, once: () => Promise<void> | void): Promise<Row> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    await once();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 10) / 10;
  return { operation, size, runs, "p50 ms": round(percentile(times, 50)), "p99 ms": round(percentile(times, 99)), "max ms": round(times.at(-1) ?? 0) };
}

async function automationToken(url: string, tenantId: string): Promise<string> {
  const response = await fetch(`${url}/${tenantId}/oauth2/v2.0/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: AUTOMATION_CLIENT_ID,
      client_secret: DEFAULT_CLIENT_SECRET,
      scope: "https://graph.microsoft.com/.default",
    }),
  });
  const body = (await response.json()) as { access_token: string };
  return body.access_token;
}

function expectOk<T>(result: { ok: true; data: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

const rows: Row[] = [];
for (const partners of [100, 1_000, 5_000]) {
  const emulator = await startEmulator({ port: 0, partners, deleted: 25 });
  const options = { graphRoot: emulator.url };
  const token = await automationToken(emulator.url, emulator.tenantId);
  rows.push(
    await measure("partners view (all pages, $expand)", `${partners} partners`, ITERATIONS, async () => {
      expectOk(await listPartners(token, options));
    }),
  );
  rows.push(
    await measure("deleted sync policies (all pages)", `${partners} partners`, ITERATIONS, async () => {
      expectOk(await listDeletedSyncPolicies(token, options));
    }),
  );
  const list = expectOk(await listPartners(token, options));
  rows.push(
    await measure("filter + sort table (client code)", `${partners} partners`, ITERATIONS * 5, () => {
      applyPartnersFilter([...list], { ...DEFAULT_FILTER, query: "partner", sort: "userSync" });
    }),
  );
  if (partners === 5_000) {
    const deleted = expectOk(await listDeletedSyncPolicies(token, options));
    const ids = deleted.filter((policy) => policy.displayName?.startsWith("Bulk Partner")).map((policy) => policy.tenantId);
    rows.push(
      await measure("bulk restore via $batch", `${ids.length} policies`, 1, async () => {
        const outcomes = expectOk(await restoreSyncPolicies(token, ids, options));
        if (outcomes.some((outcome) => outcome.kind !== "done")) throw new Error("bulk restore did not restore everything");
      }),
    );
  }
  await emulator.close();
}

console.log(`\nDashboard benchmark (Node ${process.version}, ${ITERATIONS} runs per Graph row)\n`);
console.table(rows);
