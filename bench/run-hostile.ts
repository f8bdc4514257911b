/**
 * `npm run bench:hostile`: only the hostile-input measurements of `npm run bench` (needs a
 * build). Prints the section and puts it in place of the one in bench/results.md.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { benchHostile, hostileSection } from "./hostile";

const section = hostileSection(await benchHostile((line) => console.error(line)));
const file = new URL("./results.md", import.meta.url);
const results = readFileSync(file, "utf8");
const start = results.indexOf("## Hostile input");
const next = start === -1 ? -1 : results.indexOf("\n## ", start + 1);
const updated = start === -1 ? `${results.trimEnd()}\n\n${section}\n` : `${results.slice(0, start)}${section}\n${next === -1 ? "" : results.slice(next)}`;
writeFileSync(file, updated);
console.log(section);
