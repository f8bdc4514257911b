/**
 * The hostile-input part of `npm run bench` (`npm run bench:hostile` alone): every server
 * action POSTed the way an attacker would, to the production build (`next start`), with the
 * action ids the build lists in .next/server/server-reference-manifest.json. For every string
 * field of every action (tests/hostile-arguments.ts), one body as large as Next.js accepts
 * holding a long value or a long run of one pivot character. Times each refusal, and a
 * harmless page requested meanwhile from another thread against the same page alone. The
 * attacker's 1 MB bodies are timed twice: one after another with nothing else asked of the server
 * (the goal: what one such POST costs), and again while the page is being requested (what they
 * cost when they queue behind a page being drawn).
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { Worker } from "node:worker_threads";
import { ACTION_ARGUMENTS, hostileRun, PIVOTS, RUN_SHAPES, type ActionName } from "../tests/hostile-arguments";
import { freePort, waitForHttp } from "./emulator-process";
import { median } from "./median";
import { table } from "./report";

/** next.config.ts's serverActions.bodySizeLimit ("128kb"): larger bodies are refused while they arrive, before any action runs. */
export const BODY_LIMIT_BYTES = 128 * 1024;
/** The attacker's body of the issue: 1 MB, far past the limit. */
export const HOSTILE_BODY_BYTES = 1024 * 1024;
/**
 * React's decodeReply refuses (with a thrown error, before any action runs) an argument list whose
 * arrays hold more than 1,000,000 slots, a string counting its length. Values stop short of that,
 * so every POST reaches the action's own checks.
 */
const REACT_ARRAY_SLOTS = 1_000_000 - 4_096;
export const GOAL_MS = 50;
const HARMLESS_PAGE = "/signed-out";
const ALONE_REQUESTS = 40;

export interface HostileRow {
  action: ActionName;
  /** Hostile POSTs sent; 0 when the build gives the action no id (no page calls it). */
  posts: number;
  medianMs: number;
  slowestMs: number;
  slowestCase: string;
  /** 1 MB bodies (every string field as a 1 MB run of "x" and of "@"): POSTs sent in each phase, and how many were NOT refused by the body limit. */
  oneMbPosts: number;
  /** One after another, nothing else asked of the server: median and slowest. */
  oneMbMedianMs: number;
  oneMbSlowestMs: number;
  /** The same POSTs while the page is requested from another thread: median and slowest. */
  oneMbDuringMedianMs: number;
  oneMbDuringSlowestMs: number;
  oneMbAccepted: number;
  /** A body of the same size refused on its argument count alone, before any field is read: upload and decoding, median. */
  floorMs: number;
  /** The same arguments passed to the action function in-process: the refusal's own cost, median and slowest. */
  inProcessMedianMs: number;
  inProcessSlowestMs: number;
  /** Answers (HTTP and in-process) that were not an InvalidArgument refusal (should be 0). */
  notRefused: number;
}

export interface PageTimes {
  requests: number;
  medianMs: number;
  slowestMs: number;
}

export interface HostileResult {
  bodyBytes: number;
  /** Actions the build gives no id, because no page calls them. */
  unexposed: ActionName[];
  rows: HostileRow[];
  pageAlone: PageTimes;
  pageDuring: PageTimes;
  /** The machine's one-minute load average when the POSTs ended, and its core count. */
  load: number;
  cores: number;
}

interface ManifestEntry {
  workers: Record<string, unknown>;
  exportedName?: string;
}

/** Each action's id and a page whose worker serves it, from the build's server reference manifest. */
function actionEndpoints(): Map<string, { id: string; path: string }> {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, ManifestEntry> };
  const endpoints = new Map<string, { id: string; path: string }>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    const page = Object.keys(entry.workers).find((worker) => worker.startsWith("app/") && !worker.includes("["));
    if (!entry.exportedName || !page) continue;
    const path = page.replace(/^app/, "").replace(/\/page$/, "").replace(/\/\([^/]*\)/g, "") || "/";
    endpoints.set(entry.exportedName, { id, path });
  }
  return endpoints;
}

/** The body React's encodeReply would send for these plain values: JSON, with a string that starts with "$" escaped as "$$". */
function encodeArguments(args: unknown[]): string {
  return JSON.stringify(args, (_key, value: unknown) => (typeof value === "string" && value.startsWith("$") ? `$${value}` : value));
}

/** The arguments with the longest value of this shape whose whole body Next.js and React still hand to the action, and that body. */
function largestArguments(at: (value: string) => unknown[], make: (length: number) => string): { args: unknown[]; body: string } {
  const bytes = (length: number) => Buffer.byteLength(encodeArguments(at(make(length))));
  const perChar = (bytes(2048) - bytes(1024)) / 1024;
  const envelope = bytes(1024) - 1024 * perChar;
  let length = Math.min(REACT_ARRAY_SLOTS, Math.floor((BODY_LIMIT_BYTES - envelope - 16) / perChar));
  let args = at(make(length));
  let body = encodeArguments(args);
  while (Buffer.byteLength(body) > BODY_LIMIT_BYTES) {
    length -= 64;
    args = at(make(length));
    body = encodeArguments(args);
  }
  return { args, body };
}

type Action = (...args: unknown[]) => Promise<unknown>;

/** Every export of every 'use server' module in lib/actions, by name. */
async function serverActions(): Promise<Map<string, Action>> {
  const folder = new URL("../lib/actions/", import.meta.url);
  const actions = new Map<string, Action>();
  for (const file of readdirSync(folder).filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"))) {
    if (!/^\s*["']use server["']/.test(readFileSync(new URL(file, folder), "utf8"))) continue;
    for (const [name, value] of Object.entries((await import(new URL(file, folder).href)) as Record<string, unknown>)) {
      if (typeof value === "function") actions.set(name, value as Action);
    }
  }
  return actions;
}

const isRefusal = (result: unknown) => (result as { ok?: boolean; error?: { code?: string } })?.error?.code === "InvalidArgument";

async function post(base: string, path: string, id: string, text: string): Promise<{ ms: number; refused: boolean; status: number; answer: string }> {
  // Encoded before the clock starts: turning the attacker's string into bytes is the attacker's work, not the server's.
  const body = Buffer.from(text, "utf8");
  const started = performance.now();
  const response = await fetch(`${base}${path}`, {
    method: "POST",
    headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Origin: base },
    body,
  });
  const answer = await response.text();
  return { ms: performance.now() - started, refused: response.ok && answer.includes('"code":"InvalidArgument"'), status: response.status, answer: `${response.status} ${answer.slice(0, 200)}` };
}

/** GETs the harmless page one request after another from another thread (so building bodies here delays nothing there), until stopped or `count` is reached. */
function startProbe(url: string, count: number): { finished: Promise<number[]>; stop: () => Promise<number[]> } {
  const worker = new Worker(
    `
    const { parentPort, workerData } = require("node:worker_threads");
    let stopped = false;
    const times = [];
    parentPort.on("message", () => { stopped = true; });
    (async () => {
      while (!stopped && times.length < workerData.count) {
        const started = performance.now();
        const response = await fetch(workerData.url);
        await response.arrayBuffer();
        times.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      parentPort.postMessage(times);
    })();
    `,
    { eval: true, workerData: { url, count } },
  );
  const finished = new Promise<number[]>((resolve, reject) => {
    worker.once("message", (times: number[]) => void worker.terminate().then(() => resolve(times)));
    worker.once("error", reject);
  });
  return {
    finished,
    stop() {
      worker.postMessage("stop");
      return finished;
    },
  };
}

/** Every string field of an action as a 1 MB run of "x" and of "@", POSTed one after another: the times, and how many the body limit did not refuse. */
async function oneMbPosts(base: string, endpoint: { id: string; path: string }, name: string, fields: readonly { field: string; at: (value: string) => unknown[] }[], log: (line: string) => void) {
  const times: number[] = [];
  let accepted = 0;
  for (const { field, at } of fields) {
    for (const pivot of ["x", "@"]) {
      const body = encodeArguments(at(pivot.repeat(HOSTILE_BODY_BYTES)));
      const answer = await post(base, endpoint.path, endpoint.id, body);
      // proxy.ts answers 413 on the Content-Length; without one, Next.js's body limit throws before any action runs (an error status too).
      if (answer.status < 400) {
        accepted += 1;
        log(`    1 MB body not refused by the limit: ${name} ${field}: ${answer.answer}`);
      }
      times.push(answer.ms);
    }
  }
  return { times, accepted };
}

const pageTimes = (times: number[]): PageTimes => ({ requests: times.length, medianMs: median(times), slowestMs: Math.max(0, ...times) });

export async function benchHostile(log: (line: string) => void): Promise<HostileResult> {
  if (!existsSync(".next/BUILD_ID")) throw new Error("no production build here; run `npm run build` first.");
  const endpoints = actionEndpoints();
  const unlisted = [...endpoints.keys()].filter((name) => !(name in ACTION_ARGUMENTS));
  if (unlisted.length > 0) throw new Error(`the build has actions without hostile cases in tests/hostile-arguments.ts: ${unlisted.join(", ")}.`);
  // An action no page calls gets no id: it is no endpoint of this build.
  const unexposed = (Object.keys(ACTION_ARGUMENTS) as ActionName[]).filter((name) => !endpoints.has(name));

  // Graph points at a closed port, here and in the server: a request that got past validation would answer NetworkError, not InvalidArgument.
  const graphPort = await freePort();
  process.env.EMULATOR_URL = `http://127.0.0.1:${graphPort}`;
  process.env.DASHBOARD_EMULATOR = "1";
  const actions = await serverActions();
  const untested = [...actions.keys()].filter((name) => !(name in ACTION_ARGUMENTS));
  if (untested.length > 0) throw new Error(`server actions without hostile cases in tests/hostile-arguments.ts: ${untested.join(", ")}.`);
  const port = await freePort();
  const dashboard = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    env: { ...process.env, EMULATOR_URL: `http://127.0.0.1:${graphPort}`, DASHBOARD_EMULATOR: "1", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
    detached: true,
  });
  try {
    const base = `http://localhost:${port}`;
    await waitForHttp(`${base}${HARMLESS_PAGE}`);

    log("  warming up every action's page and its body-limit refusal");
    for (const [name, { valid }] of Object.entries(ACTION_ARGUMENTS)) {
      const endpoint = endpoints.get(name);
      if (!endpoint) continue;
      const { id, path } = endpoint;
      for (let run = 0; run < 3; run += 1) await post(base, path, id, encodeArguments(valid.map((value) => (typeof value === "string" ? `${value}'` : value))));
      // The body-limit refusal too: the server's first one loads what it needs once, as any long-running server already has.
      await post(base, path, id, encodeArguments(valid.map((value) => (typeof value === "string" ? "x".repeat(HOSTILE_BODY_BYTES) : value))));
    }

    log(`  ${HARMLESS_PAGE} alone`);
    const pageAlone = pageTimes(await startProbe(`${base}${HARMLESS_PAGE}`, ALONE_REQUESTS).finished);

    // The attacker's 1 MB body, one POST after another with nothing else asked of the server: refused by the body limit while it arrives, whatever it holds.
    log("  1 MB POSTs, alone");
    const oneMbAlone = new Map<string, { times: number[]; accepted: number }>();
    for (const [name, { fields }] of Object.entries(ACTION_ARGUMENTS)) {
      const endpoint = endpoints.get(name);
      if (endpoint) oneMbAlone.set(name, await oneMbPosts(base, endpoint, name, fields, log));
    }

    log("  hostile POSTs, while the page is requested");
    const probe = startProbe(`${base}${HARMLESS_PAGE}`, Number.POSITIVE_INFINITY);
    const rows: HostileRow[] = [];
    let bodyBytes = 0;
    for (const [name, { valid, fields }] of Object.entries(ACTION_ARGUMENTS) as [ActionName, (typeof ACTION_ARGUMENTS)[ActionName]][]) {
      const endpoint = endpoints.get(name);
      const action = actions.get(name)!;
      const times: { ms: number; name: string }[] = [];
      const inProcess: number[] = [];
      let notRefused = 0;
      for (const { field, at } of fields) {
        const values = [
          { name: "a long value", make: (length: number) => hostileRun(RUN_SHAPES[0], "x", length) },
          ...RUN_SHAPES.flatMap((shape) => PIVOTS.map((pivot) => ({ name: `${shape.shape} ${JSON.stringify(pivot)}`, make: (length: number) => hostileRun(shape, pivot, length) }))),
        ];
        for (const value of values) {
          const { args, body } = largestArguments(at, value.make);
          const started = performance.now();
          const result = await action(...args);
          inProcess.push(performance.now() - started);
          if (!isRefusal(result)) notRefused += 1;
          if (!endpoint) continue;
          bodyBytes = Math.max(bodyBytes, Buffer.byteLength(body));
          const answer = await post(base, endpoint.path, endpoint.id, body);
          if (!answer.refused) {
            notRefused += 1;
            log(`    not refused: ${name} ${field}: ${value.name}: ${answer.answer}`);
          }
          times.push({ ms: answer.ms, name: `${field}: ${value.name}` });
        }
      }
      // The attacker's 1 MB body again, now while the page is requested: it may queue behind a page being drawn.
      const during = endpoint ? await oneMbPosts(base, endpoint, name, fields, log) : { times: [], accepted: 0 };
      const alone = oneMbAlone.get(name) ?? { times: [], accepted: 0 };
      // The floor: the same size of body, one argument too many, so the action refuses it before reading any field.
      const floor: number[] = [];
      if (endpoint) {
        const { body } = largestArguments((value) => [...valid, value], (length) => hostileRun(RUN_SHAPES[0], "x", length));
        for (let run = 0; run < 9; run += 1) floor.push((await post(base, endpoint.path, endpoint.id, body)).ms);
      }
      const slowest = times.reduce((worst, time) => (time.ms > worst.ms ? time : worst), { ms: 0, name: "–" });
      rows.push({
        action: name,
        posts: times.length,
        medianMs: median(times.map((time) => time.ms)),
        slowestMs: slowest.ms,
        slowestCase: slowest.name,
        oneMbPosts: alone.times.length,
        oneMbMedianMs: median(alone.times),
        oneMbSlowestMs: Math.max(0, ...alone.times),
        oneMbDuringMedianMs: median(during.times),
        oneMbDuringSlowestMs: Math.max(0, ...during.times),
        oneMbAccepted: alone.accepted + during.accepted,
        floorMs: median(floor),
        inProcessMedianMs: median(inProcess),
        inProcessSlowestMs: Math.max(...inProcess),
        notRefused,
      });
      log(`    ${name}: ${times.length} POSTs, slowest ${Math.round(slowest.ms)} ms; in-process slowest ${Math.max(...inProcess).toFixed(1)} ms`);
    }
    const pageDuring = pageTimes(await probe.stop());
    return { bodyBytes, unexposed, rows, pageAlone, pageDuring, load: loadavg()[0] ?? 0, cores: cpus().length };
  } finally {
    if (dashboard.pid) process.kill(-dashboard.pid, "SIGTERM");
  }
}

const ms = (value: number) => `${value < 1 ? value.toFixed(2) : value < 10 ? value.toFixed(1) : Math.round(value)} ms`;

/** The "Hostile input" section of bench/results.md. */
export function hostileSection(result: HostileResult | string): string {
  const heading = "## Hostile input";
  if (typeof result === "string") return `${heading}\n\nHostile-input measurements skipped: ${result}`;
  const exposed = result.rows.filter((row) => row.posts > 0);
  const posts = result.rows.reduce((sum, row) => sum + row.posts, 0);
  const oneMbPosts = result.rows.reduce((sum, row) => sum + row.oneMbPosts, 0);
  const refused = result.rows.every((row) => row.notRefused === 0);
  const allLimited = result.rows.every((row) => row.oneMbAccepted === 0);
  const slowestOneMb = Math.max(0, ...exposed.map((row) => row.oneMbSlowestMs));
  const slowestOneMbDuring = Math.max(0, ...exposed.map((row) => row.oneMbDuringSlowestMs));
  const slowest = Math.max(0, ...exposed.map((row) => row.slowestMs));
  const slowestInProcess = Math.max(...result.rows.map((row) => row.inProcessSlowestMs));
  return [
    heading,
    "",
    "Each server action POSTed over HTTP to the production build (`next start`) the way an attacker would: the action id from the build, " +
      "a plain-text body, no session. Graph pointed at a closed port, so a request that got past validation would answer NetworkError. " +
      "Before timing, each action is called three times with valid arguments and once with a 1 MB body, so the server is warm as a running one is. " +
      `Load average ${result.load.toFixed(1)} on ${result.cores} cores at the end of the run.`,
    "",
    `**A 1 MB body.** Every string field of every action as a 1 MB run of \`x\` and of \`@\` (${oneMbPosts.toLocaleString("en-US")} POSTs, each sent twice): ` +
      `${allLimited ? "every one was refused before anything decoded it and before any action ran: `proxy.ts` answers 413 to an action POST whose Content-Length is over the 128 KB limit (`serverActions.bodySizeLimit` in next.config.ts stops one sent without a length while it arrives)" : "SOME WERE NOT REFUSED BY THE BODY LIMIT"}. ` +
      "The time is the whole POST, from sending the body to the last byte of the answer. " +
      "Alone: one POST after another, nothing else asked of the server; that is what one such POST costs, and what the goal is about. " +
      `While the page is requested: the same POSTs sent while \`${HARMLESS_PAGE}\` is requested from another thread; a POST that arrives while the page is being drawn waits for the server's one thread.`,
    "",
    table(
      ["action", "1 MB POSTs", "alone: median", "alone: slowest", "while the page is requested: median, slowest", `goal: every 1 MB POST refused under ${GOAL_MS} ms`],
      result.rows.map((row) => [
        row.action,
        String(row.oneMbPosts),
        row.oneMbPosts > 0 ? ms(row.oneMbMedianMs) : "–",
        row.oneMbPosts > 0 ? ms(row.oneMbSlowestMs) : "–",
        row.oneMbPosts > 0 ? `${ms(row.oneMbDuringMedianMs)}, ${ms(row.oneMbDuringSlowestMs)}` : "–",
        row.oneMbAccepted > 0
          ? `no (${row.oneMbAccepted} not refused)`
          : row.oneMbPosts === 0
            ? "– (no endpoint)"
            : row.oneMbSlowestMs < GOAL_MS
              ? "yes"
              : `no (over by ${Math.round(row.oneMbSlowestMs - GOAL_MS)} ms)`,
      ]),
    ),
    "",
    `**The largest body that reaches the action.** For every string field, one body just under the limit (up to ${result.bodyBytes.toLocaleString("en-US")} bytes) ` +
      "holding a long value, or a long run of one pivot character (`@ . - / : % 0 a`, space, NUL): plain, ending in a quote, or alternating with a letter. " +
      `${posts.toLocaleString("en-US")} POSTs; ${refused ? "every one was answered InvalidArgument" : "SOME WERE NOT ANSWERED InvalidArgument"}. ` +
      "The floor is the same size of body refused on its argument count before any field is read: upload and decoding alone.",
    "",
    table(
      ["action", "POSTs", "median refusal", "slowest refusal", "slowest case", "floor", "in-process: median, slowest"],
      result.rows.map((row) => [
        row.action,
        String(row.posts),
        row.posts > 0 ? ms(row.medianMs) : "–",
        row.posts > 0 ? ms(row.slowestMs) : "–",
        row.slowestCase.replace(/\|/g, "\\|"),
        row.posts > 0 ? ms(row.floorMs) : "–",
        `${ms(row.inProcessMedianMs)}, ${ms(row.inProcessSlowestMs)}`,
      ]),
    ),
    ...(result.unexposed.length > 0
      ? ["", `Not in this build, so no endpoint to POST to (no page calls them); timed in-process only: ${result.unexposed.join(", ")}.`]
      : []),
    "",
    table(
      [`GET ${HARMLESS_PAGE}`, "requests", "median", "slowest"],
      [
        ["alone", String(result.pageAlone.requests), ms(result.pageAlone.medianMs), ms(result.pageAlone.slowestMs)],
        ["while the hostile POSTs run", String(result.pageDuring.requests), ms(result.pageDuring.medianMs), ms(result.pageDuring.slowestMs)],
      ],
    ),
    "",
    `Slowest 1 MB refusal: ${ms(slowestOneMb)} alone, ${ms(slowestOneMbDuring)} while the page is requested; slowest refusal of a body under the limit: ${ms(slowest)} over HTTP, ${ms(slowestInProcess)} in-process. ` +
      `The page is requested one request after another from another thread, meanwhile and alone; while the hostile POSTs ran its slowest answer took ` +
      `${ms(result.pageDuring.slowestMs)}, against ${ms(result.pageAlone.slowestMs)} alone. ` +
      "(Before the person filter was made linear, one POST of 64 KiB of `@` held the whole server for about 3 s, and a 1 MB body for about 15 minutes.)",
  ].join("\n");
}
