/**
 * `npm run bench`: the dashboard at 100 / 1,000 / 10,000 partners with 0 and 50 ms
 * of injected Graph latency, side by side with a naive script and the round-trip
 * lower bound; bulk restore via $batch against one POST each; and, when a build
 * and Chromium are there, what a user sees in the browser, and how fast every server
 * action refuses a hostile 1 MB POST (bench/hostile.ts). Prints the tables and
 * writes them to bench/results.md. Asserts nothing.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { benchLists, benchRestores, type ListRow, type RestoreRow } from "./graph";
import { benchBrowser, browserSection } from "./browser";
import { benchHostile, hostileSection } from "./hostile";
import { benchOutbound, outboundSection } from "./outbound";
import { ms, ratio, RESULTS_FILE, sectionOf, SNAPSHOT_HEADING, table } from "./report";

const log = (line: string) => console.error(line);

function listTable(rows: ListRow[]): string {
  return table(
    ["latency", "partners", "ours: first page", "ours: all pages", "naive, sequential", "naive, 4 concurrent", "lower bound (pages x latency)", "ours / lower bound"],
    rows.map((row) => [
      `${row.latencyMs} ms`,
      row.partners.toLocaleString("en-US"),
      ms(row.firstPageMs),
      ms(row.allPagesMs),
      `${ms(row.naiveSequentialMs)}${row.naiveEstimated ? " (est.)" : ""}`,
      `${ms(row.naiveConcurrentMs)}${row.naiveEstimated ? " (est.)" : ""}`,
      row.lowerBoundMs > 0 ? ms(row.lowerBoundMs) : "–",
      ratio(row.allPagesMs, row.lowerBoundMs),
    ]),
  );
}

function restoreTable(rows: RestoreRow[]): string {
  return table(
    ["latency", "policies", "$batch (20 per request)", "one POST each", "speed-up"],
    rows.map((row) => [`${row.latencyMs} ms`, String(row.policies), ms(row.batchMs), ms(row.onePostEachMs), ratio(row.onePostEachMs, row.batchMs)]),
  );
}

/** Why a target can be missed, said where the miss is shown. */


log("Graph: partners list");
const lists = await benchLists(log);
log("Graph: bulk restore");
const restores = await benchRestores(log);
log("Graph: outbound sync page");
const outbound = await benchOutbound(log).catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
log("Browser");
const browser = await benchBrowser(log).catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
log("Hostile input");
const hostile = await benchHostile(log).catch((error: unknown) => (error instanceof Error ? error.message : String(error)));

const report = [
  "# Benchmark results",
  "",
  `Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, \`npm run bench\`. Medians; the emulator runs as its own process, and every Graph request takes the injected latency (a read is answered from the state it found on arrival, a write applied once the latency has passed: emulator/README.md).`,
  "",
  "## Partners list",
  "",
  "\"ours\" is what the list's one server action call does (every Graph page, `$select`ed, via `lib/graph`, each handed on as it arrives).",
  "The naive script lists partners, then sends one GET per partner's `identitySynchronization`; \"(est.)\" rows time the",
  "first 1,000 of those GETs and scale up. The lower bound is one round trip per page of 100: pages x latency.",
  "",
  listTable(lists),
  "",
  "## Bulk restore",
  "",
  restoreTable(restores),
  "",
  outboundSection(outbound),
  "",
  browserSection(browser),
  "",
  hostileSection(hostile),
  "",
  // The snapshot export is measured by its own script (`npm run bench:snapshot`): its last figures are kept.
  ...[sectionOf(readFileSync(RESULTS_FILE, "utf8"), SNAPSHOT_HEADING)].filter((section): section is string => section !== null).flatMap((section) => [section, ""]),
].join("\n");

writeFileSync(RESULTS_FILE, report);
console.log(report);
