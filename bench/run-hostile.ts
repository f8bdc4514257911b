/**
 * `npm run bench:hostile`: only the hostile-input measurements of `npm run bench` (needs a
 * build). Prints the section and puts it in place of the one in bench/results.md.
 */
import { benchHostile, hostileSection } from "./hostile";
import { putSection } from "./report";

const section = hostileSection(await benchHostile((line) => console.error(line)));
putSection("Hostile input", section);
console.log(section);
