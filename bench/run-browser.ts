/** `npm run bench:browser`: only the browser measurements of `npm run bench`, printed as JSON (needs a build). */
import { benchBrowser } from "./browser";

const result = await benchBrowser((line) => console.error(line));
console.log(JSON.stringify(result, null, 2));
