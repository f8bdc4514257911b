/**
 * `npm run bench:outbound`: only the Outbound sync page's read of `npm run bench` (200
 * configurations, 50 ms). Prints the section and puts it in place of the one in bench/results.md.
 */
import { benchOutbound, outboundSection } from "./outbound";
import { putSection } from "./report";

const section = outboundSection(await benchOutbound((line) => console.error(line)));
putSection("Outbound sync page", section);
console.log(section);
