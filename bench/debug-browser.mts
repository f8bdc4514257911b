import { benchBrowser } from "./browser";
const result = await benchBrowser((line) => console.error(line));
console.log(JSON.stringify(result, null, 2));
