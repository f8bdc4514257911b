/**
 * `npm run bench:snapshot`: exporting a snapshot against listing the partners, at 10,000 partners
 * and 50 ms of Graph latency (the target: within 1.2x of the list). Both run the server's
 * reads through lib/graph, as `npm run snapshot` does; the list is the partners view's own read.
 * Prints its section and puts it in bench/results.md; asserts nothing. Not part of `npm run bench`
 * (it takes a few minutes), which keeps the last figures written here.
 */
import { listPartners } from "../lib/graph/partners";
import { graphSnapshotSource } from "../lib/graph/snapshot-source";
import { collectSnapshot } from "../lib/snapshots/collect";
import { EMULATOR_DEFAULTS } from "../lib/config/runtime";
import { collect } from "./graph";
import { startEmulatorProcess } from "./emulator-process";
import { median } from "./median";
import { ms, putSection, ratio, SNAPSHOT_HEADING, table } from "./report";

process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = "1";

const PARTNERS = Number(process.env.BENCH_SNAPSHOT_PARTNERS ?? 10_000);
const LATENCY_MS = Number(process.env.BENCH_SNAPSHOT_LATENCY_MS ?? 50);
const RUNS = 3;

async function timed(once: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await once();
  return performance.now() - started;
}

const emulator = await startEmulatorProcess({ partners: PARTNERS });
try {
  await emulator.setLatency(LATENCY_MS);
  const token = await emulator.automationToken();
  const options = { graphRoot: emulator.url };
  const lists: number[] = [];
  const exports: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    lists.push(await timed(() => collect(listPartners(token, options))));
    exports.push(
      await timed(async () => {
        const document = await collectSnapshot(graphSnapshotSource(token, EMULATOR_DEFAULTS.tenantId, options));
        if (document.partners.length < PARTNERS) throw new Error(`exported ${document.partners.length} of ${PARTNERS} partners`);
      }),
    );
  }
  const list = median(lists);
  const exported = median(exports);
  const section = [
    `## ${SNAPSHOT_HEADING}`,
    "",
    `Export snapshot against the partners list's own read, both through lib/graph as \`npm run snapshot\` runs them; medians of ${RUNS} runs. Goal: export within 1.2x of the list.`,
    "",
    table(
      ["partners", "latency", "partners list", "export snapshot", "export / list", "within 1.2x"],
      [[PARTNERS.toLocaleString("en-US"), `${LATENCY_MS} ms`, ms(list), ms(exported), ratio(exported, list), exported <= list * 1.2 ? "yes" : "no"]],
    ),
  ].join("\n");
  putSection(SNAPSHOT_HEADING, section);
  console.log(section);
} finally {
  await emulator.stop();
}
