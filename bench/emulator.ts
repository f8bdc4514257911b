/**
 * `npm run bench:emulator`: throughput and latency of the emulator's busiest
 * read, GET partners?$expand=identitySynchronization, on a 5,000-partner tenant.
 * The emulator runs in-process, so the load generator shares its event loop:
 * it uses a bare keep-alive node:http client and reads nextLink without parsing
 * whole pages, to leave the emulator as much of the loop as possible.
 * BENCH_SECONDS and BENCH_CONCURRENCY tune it.
 */
import { Agent, request } from "node:http";
import { AUTOMATION_CLIENT_ID, DEFAULT_CLIENT_SECRET } from "../emulator/entra/directory";
import { startEmulator } from "../emulator/server";

const PARTNERS = 5_000;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const LIST_PATH = "/beta/policies/crossTenantAccessPolicy/partners?$expand=identitySynchronization";

interface Row {
  operation: string;
  ops: number;
  "ops/s": number;
  "p50 ms": number;
  "p99 ms": number;
  "pages/op": number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? 0;
}

async function run(operation: string, once: () => Promise<number>): Promise<Row> {
  const latencies: number[] = [];
  let pages = 0;
  const deadline = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        const n = await once();
        pages += n;
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    operation,
    ops: latencies.length,
    "ops/s": Math.round(latencies.length / elapsed),
    "p50 ms": round(percentile(latencies, 50)),
    "p99 ms": round(percentile(latencies, 99)),
    "pages/op": round(pages / Math.max(1, latencies.length)),
  };
}

async function main(): Promise<void> {
  const emulator = await startEmulator({ port: 0, host: "127.0.0.1", partners: PARTNERS });
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  try {
    const base = emulator.url.replace("localhost", "127.0.0.1");
    const tokenRes = await fetch(`${base}/${emulator.tenantId}/oauth2/v2.0/token`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: AUTOMATION_CLIENT_ID,
        client_secret: process.env.EMULATOR_CLIENT_SECRET || DEFAULT_CLIENT_SECRET,
        scope: "https://graph.microsoft.com/.default",
      }),
    });
    const { access_token: token } = (await tokenRes.json()) as { access_token: string };
    const headers = { Authorization: `Bearer ${token}` };

    const get = (url: string): Promise<string> =>
      new Promise((resolve, reject) => {
        const req = request(url, { agent, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            const body = Buffer.concat(chunks).toString("utf8");
            if (res.statusCode !== 200) reject(new Error(`${url}: HTTP ${res.statusCode} ${body.slice(0, 200)}`));
            else resolve(body);
          });
        });
        req.on("error", reject);
        req.end();
      });

    // The emulator writes @odata.nextLink before value, so the head of the page is enough.
    const nextLinkOf = (body: string) => /"@odata\.nextLink":"([^"]+)"/.exec(body.slice(0, 1024))?.[1];

    const listAll = async (first: string, verify = false): Promise<number> => {
      let next: string | undefined = first;
      let pages = 0;
      let items = 0;
      while (next) {
        const body = await get(next);
        if (verify) items += (JSON.parse(body) as { value: unknown[] }).value.length;
        next = nextLinkOf(body);
        pages++;
      }
      if (verify && items !== PARTNERS) throw new Error(`listed ${items} partners, expected ${PARTNERS}`);
      return pages;
    };

    // Warm up JIT and the partner index before measuring.
    await listAll(`${base}${LIST_PATH}`, true);

    const rows: Row[] = [];
    rows.push(await run("single page (100 partners)", async () => (await get(`${base}${LIST_PATH}`), 1)));
    rows.push(await run("list all, default pages of 100", () => listAll(`${base}${LIST_PATH}`)));
    rows.push(await run("list all, $top=999", () => listAll(`${base}${LIST_PATH}&$top=999`)));

    console.log(`Emulator benchmark: ${PARTNERS} partners, ${CONCURRENCY} concurrent clients, ${SECONDS}s per row (load generator and emulator share one process)`);
    console.table(rows);
    const single = rows[0];
    if (single) console.log(`Single-page requests/second: ${single["ops/s"]}`);
  } finally {
    agent.destroy();
    await emulator.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
