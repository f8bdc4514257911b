import { ok, type Result, type Streamed } from "@/lib/core/result";
import type { GetGraphToken } from "@/lib/auth/use-graph-token";
import { callGraphAction } from "./graph-action";

/**
 * Reads a streamed server action to its end, handing each part over as it arrives. A failed part
 * ends the read; 401 gets the one silent token renewal and the read starts over (so `open` runs
 * again). Once `signal` aborts, no part is handed over any more and the read rejects at once.
 */
export async function readStream<Part>(
  getToken: GetGraphToken,
  open: (token: string) => Promise<Result<Streamed<Part>>>,
  onPart: (part: Part) => void,
  signal?: AbortSignal,
): Promise<void> {
  await callGraphAction(getToken, async (token) => {
    signal?.throwIfAborted();
    const opened = await open(token);
    return opened.ok ? drain(opened.data.parts, onPart, signal) : opened;
  });
}

async function drain<Part>(parts: AsyncIterable<Result<Part>>, onPart: (part: Part) => void, signal?: AbortSignal): Promise<Result<void>> {
  const iterator = parts[Symbol.asyncIterator]();
  // The browser cannot cancel a server action's response: leaving stops listening to it at once.
  const stopped = new Promise<never>((_, reject) => {
    if (signal?.aborted) reject(signal.reason);
    signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
  stopped.catch(() => undefined);
  for (;;) {
    const next = await Promise.race([iterator.next(), stopped]);
    if (next.done) return ok(undefined);
    if (!next.value.ok) return next.value;
    onPart(next.value.data);
  }
}

/**
 * A whole list, read by one streamed action call: `onPages` sees every page so far as each arrives
 * (a read that starts over after a token renewal starts from no pages).
 */
export async function readList<Item>(
  getToken: GetGraphToken,
  open: (token: string) => Promise<Result<Streamed<Item[]>>>,
  signal: AbortSignal,
  onPages?: (pages: Item[][]) => void,
): Promise<Item[][]> {
  let pages: Item[][] = [];
  await readStream(
    getToken,
    (token) => {
      pages = [];
      return open(token);
    },
    (page) => {
      pages = [...pages, page];
      onPages?.(pages);
    },
    signal,
  );
  return pages;
}
