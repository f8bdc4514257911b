/**
 * The Graph side of `npm run bench`: the dashboard's partners list against a naive
 * script and the round-trip lower bound, and bulk restore via $batch against one
 * POST each, at 0 and 50 ms of injected latency. The emulator runs as its own
 * process, as in the demo, so its work does not share this event loop.
 */
import { listPartners } from "../lib/graph/partners";
import { restoreSyncPolicies, restoreSyncPolicy } from "../lib/graph/sync-policy-writes";
import { listDeletedSyncPolicies } from "../lib/graph/sync-policies";
import { startEmulatorProcess, type EmulatorProcess } from "./emulator-process";
import { median } from "./median";

export const SIZES = [100, 1_000, 10_000] as const;
export const LATENCIES = [0, 50] as const;
/** Graph's (and the emulator's) page size for partners. */
const PAGE_SIZE = 100;
/** The naive script's per-partner GETs are timed on at most this many partners and scaled up beyond. */
const NAIVE_SAMPLE = 1_000;
const BULK_RESTORE = 100;

export interface ListRow {
  latencyMs: number;
  partners: number;
  firstPageMs: number;
  allPagesMs: number;
  naiveSequentialMs: number;
  naiveConcurrentMs: number;
  naiveEstimated: boolean;
  lowerBoundMs: number;
}

export interface RestoreRow {
  latencyMs: number;
  policies: number;
  batchMs: number;
  onePostEachMs: number;
}

async function timed(once: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await once();
  return performance.now() - started;
}

async function medianOf(runs: number, once: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) times.push(await timed(once));
  return median(times);
}

function ensure<T>(result: { ok: true; data: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

/** Every page of a streamed list, or the first failure. */
export async function collect<T>(parts: AsyncIterable<{ ok: true; data: T[] } | { ok: false; error: { message: string } }>): Promise<T[]> {
  const items: T[] = [];
  for await (const part of parts) items.push(...ensure(part));
  return items;
}

async function ourList(emulator: EmulatorProcess, token: string): Promise<{ firstPageMs: number; count: number }> {
  const started = performance.now();
  let firstPageMs = 0;
  let count = 0;
  for await (const page of listPartners(token, { graphRoot: emulator.url })) {
    if (count === 0) firstPageMs = performance.now() - started;
    count += ensure(page).length;
  }
  return { firstPageMs, count };
}

/** A kept-alive connection the emulator closed at that moment is retried once, as any HTTP client script would. */
async function get(url: string, token: string): Promise<Response> {
  try {
    return await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  } catch {
    return fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  }
}

/** What a script written without thought does: list every partner, then ask for each one's sync policy. */
async function naiveList(emulator: EmulatorProcess, token: string): Promise<string[]> {
  const ids: string[] = [];
  let next: string | undefined = `${emulator.url}/beta/policies/crossTenantAccessPolicy/partners`;
  while (next) {
    const response = await get(next, token);
    const body = (await response.json()) as { value: { tenantId: string }[]; "@odata.nextLink"?: string };
    ids.push(...body.value.map((partner) => partner.tenantId));
    next = body["@odata.nextLink"];
  }
  return ids;
}

async function naivePolicies(emulator: EmulatorProcess, token: string, ids: string[], concurrency: number): Promise<void> {
  let cursor = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (cursor < ids.length) {
        const id = ids[cursor++]!;
        const response = await get(`${emulator.url}/beta/policies/crossTenantAccessPolicy/partners/${id}/identitySynchronization`, token);
        await response.arrayBuffer();
      }
    }),
  );
}

async function naive(emulator: EmulatorProcess, token: string, partners: number, concurrency: number): Promise<number> {
  let ids: string[] = [];
  const listMs = await timed(async () => (ids = await naiveList(emulator, token)));
  const sample = ids.slice(0, NAIVE_SAMPLE);
  const sampleMs = await timed(() => naivePolicies(emulator, token, sample, concurrency));
  return listMs + sampleMs * (partners / sample.length);
}

export async function benchLists(log: (line: string) => void): Promise<ListRow[]> {
  const rows: ListRow[] = [];
  for (const partners of SIZES) {
    const emulator = await startEmulatorProcess({ partners });
    try {
      const token = await emulator.automationToken();
      for (const latencyMs of LATENCIES) {
        await emulator.setLatency(latencyMs);
        const runs = latencyMs === 0 ? 5 : 3;
        log(`  partners list: ${partners} partners, ${latencyMs} ms latency`);
        const firsts: number[] = [];
        const alls: number[] = [];
        for (let run = 0; run < runs; run += 1) {
          let first = 0;
          alls.push(
            await timed(async () => {
              const result = await ourList(emulator, token);
              if (result.count !== partners) throw new Error(`listed ${result.count} of ${partners} partners`);
              first = result.firstPageMs;
            }),
          );
          firsts.push(first);
        }
        log(`  naive script: ${partners} partners, ${latencyMs} ms latency`);
        rows.push({
          latencyMs,
          partners,
          firstPageMs: median(firsts),
          allPagesMs: median(alls),
          naiveSequentialMs: await naive(emulator, token, partners, 1),
          naiveConcurrentMs: await naive(emulator, token, partners, 4),
          naiveEstimated: partners > NAIVE_SAMPLE,
          lowerBoundMs: Math.ceil(partners / PAGE_SIZE) * latencyMs,
        });
      }
    } finally {
      await emulator.stop();
    }
  }
  return rows;
}

export async function benchRestores(log: (line: string) => void): Promise<RestoreRow[]> {
  const rows: RestoreRow[] = [];
  const emulator = await startEmulatorProcess({ partners: 1_000, deleted: BULK_RESTORE });
  try {
    const options = { graphRoot: emulator.url };
    for (const latencyMs of LATENCIES) {
      log(`  bulk restore: ${BULK_RESTORE} policies, ${latencyMs} ms latency`);
      const deletedIds = async () => {
        await emulator.reset();
        await emulator.setLatency(latencyMs);
        const token = await emulator.automationToken();
        const ids = (await collect(listDeletedSyncPolicies(token, options)))
          .filter((policy) => policy.displayName?.startsWith("Bulk Partner"))
          .map((policy) => policy.tenantId);
        if (ids.length !== BULK_RESTORE) throw new Error(`expected ${BULK_RESTORE} deleted policies, found ${ids.length}`);
        return { token, ids };
      };
      const batch = await deletedIds();
      const batchMs = await medianOf(1, async () => {
        const outcomes = ensure(await restoreSyncPolicies(batch.token, batch.ids, options));
        if (outcomes.some((outcome) => outcome.kind !== "done")) throw new Error("a $batch restore did not restore");
      });
      const single = await deletedIds();
      const onePostEachMs = await medianOf(1, async () => {
        for (const id of single.ids) {
          const outcome = ensure(await restoreSyncPolicy(single.token, id, "deleted-items", options));
          if (outcome.kind !== "done") throw new Error("a restore did not restore");
        }
      });
      rows.push({ latencyMs, policies: BULK_RESTORE, batchMs, onePostEachMs });
    }
  } finally {
    await emulator.stop();
  }
  return rows;
}
