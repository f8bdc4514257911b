/**
 * Test support: an in-process stand-in for Graph's HTTP surface, injected through
 * `options.fetch`. Records every call so tests can count requests (restore POSTs
 * above all) without network or emulator.
 */

export interface RecordedCall {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

export type FakeHandler = (call: RecordedCall, index: number) => Response | undefined | Promise<Response | undefined>;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

export function graphError(status: number, code: string, message: string, requestId: string, headers: Record<string, string> = {}): Response {
  return json(status, { error: { code, message, innerError: { "request-id": requestId, date: "2025-01-01T00:00:00" } } }, headers);
}

export interface FakeFetch {
  fetch: typeof fetch;
  calls: RecordedCall[];
}

/** Handlers are tried in order; the first that answers wins. Unanswered calls get a 599 so tests fail loudly. */
export function fakeFetch(...handlers: FakeHandler[]): FakeFetch {
  const calls: RecordedCall[] = [];
  const impl = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
    const text = typeof init?.body === "string" ? init.body : null;
    const call: RecordedCall = {
      method: init?.method ?? "GET",
      url,
      headers: new Headers(init?.headers),
      body: text ? (JSON.parse(text) as unknown) : null,
    };
    calls.push(call);
    for (const handler of handlers) {
      const response = await handler(call, calls.length - 1);
      if (response) return response;
    }
    return json(599, { error: { code: "Unhandled", message: `${call.method} ${url.pathname}` } });
  };
  return { fetch: impl as typeof fetch, calls };
}

export interface FakeBatchItemRequest {
  id: string;
  method: string;
  url: string;
}

/** Answers `POST /$batch` by handing each item to `answer`. */
export function batchHandler(
  answer: (item: FakeBatchItemRequest) => { status: number; body?: unknown; headers?: Record<string, string> } | undefined,
): FakeHandler {
  return (call) => {
    if (call.method !== "POST" || !call.url.pathname.endsWith("/$batch")) return undefined;
    const requests = (call.body as { requests: FakeBatchItemRequest[] }).requests;
    const responses = requests.flatMap((item) => {
      const a = answer(item);
      return a ? [{ id: item.id, status: a.status, headers: a.headers ?? {}, body: a.body ?? null }] : [];
    });
    return json(200, { responses: responses.reverse() });
  };
}

export const noSleep = async (_ms: number): Promise<void> => {};

export const TEST_ROOT = "https://graph.test";
export const TEST_TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJl";
