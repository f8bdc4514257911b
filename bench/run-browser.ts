/**
 * `npm run bench:browser`: only the browser measurements of `npm run bench` (needs a build).
 * Prints the section and puts it in place of the one in bench/results.md.
 */
import { benchBrowser, browserSection } from "./browser";
import { putSection } from "./report";

const section = browserSection(await benchBrowser((line) => console.error(line)));
putSection("In the browser", section);
console.log(section);
