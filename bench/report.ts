/** The one way benchmark scripts write figures: durations, ratios, Markdown tables, and sections of bench/results.md. */
import { readFileSync, writeFileSync } from "node:fs";

/** The section `npm run bench:snapshot` writes; `npm run bench` keeps it as it was. */
export const SNAPSHOT_HEADING = "Snapshot export";

export const RESULTS_FILE = new URL("./results.md", import.meta.url);

export function ms(value: number): string {
  return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
}

export function ratio(value: number, base: number): string {
  return base > 0 ? `${(value / base).toFixed(2)}x` : "–";
}

export function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...rows.map((row) => `| ${row.join(" | ")} |`)].join("\n");
}

/** One `## heading` section of a results text, heading included, or null when it has none. */
export function sectionOf(results: string, heading: string): string | null {
  const start = results.indexOf(`## ${heading}\n`);
  if (start === -1) return null;
  const next = results.indexOf("\n## ", start + 1);
  return results.slice(start, next === -1 ? undefined : next + 1).trimEnd();
}

/** Puts `section` (starting with its `## heading`) in place of that section of bench/results.md, or at its end. */
export function putSection(heading: string, section: string): void {
  const results = readFileSync(RESULTS_FILE, "utf8");
  const old = sectionOf(results, heading);
  const updated = old === null ? `${results.trimEnd()}\n\n${section.trimEnd()}\n` : results.replace(old, section.trimEnd());
  writeFileSync(RESULTS_FILE, updated);
}
