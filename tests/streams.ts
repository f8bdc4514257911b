import type { Result, Streamed } from "@/lib/core/result";

/** Test support: every part a streamed read yields, in order. */
export async function partsOf<T>(parts: AsyncIterable<Result<T>>): Promise<Result<T>[]> {
  const seen: Result<T>[] = [];
  for await (const part of parts) seen.push(part);
  return seen;
}

/** Every part of a streamed action's answer, or the refusal it gave instead of a stream. */
export async function answerOf<T>(answer: Result<Streamed<T>>): Promise<Result<T>[] | Result<never>> {
  return answer.ok ? partsOf(answer.data.parts) : answer;
}

/** A stand-in for a streamed action's answer: these parts, in order. */
export function streamOf<T>(...parts: Result<T>[]): Result<Streamed<T>> {
  return {
    ok: true,
    data: {
      parts: (async function* () {
        yield* parts;
      })(),
    },
  };
}

/** A streamed action's answer that the test feeds part by part; `pulled` counts the parts asked for. */
export function feedStream<T>() {
  const ready: Result<T>[] = [];
  const waiting: ((next: IteratorResult<Result<T>>) => void)[] = [];
  let ended = false;
  const state = { pulled: 0 };
  const parts: AsyncIterable<Result<T>> = {
    [Symbol.asyncIterator]: () => ({
      next: () => {
        state.pulled += 1;
        const part = ready.shift();
        if (part) return Promise.resolve({ done: false, value: part });
        if (ended) return Promise.resolve({ done: true, value: undefined });
        return new Promise((resolve) => waiting.push(resolve));
      },
    }),
  };
  return {
    answer: { ok: true, data: { parts } } as Result<Streamed<T>>,
    push(part: Result<T>) {
      const next = waiting.shift();
      if (next) next({ done: false, value: part });
      else ready.push(part);
    },
    end() {
      ended = true;
      waiting.splice(0).forEach((next) => next({ done: true, value: undefined }));
    },
    get pulled() {
      return state.pulled;
    },
  };
}
