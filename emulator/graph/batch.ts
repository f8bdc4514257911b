/**
 * JSON $batch: validates the envelope (at most 20 requests, unique ids,
 * dependsOn naming earlier ids only), runs items concurrently with dependencies
 * honoured (424 when one failed), each item faulted and authorised on its own.
 */
import { randomUUID } from "node:crypto";
import { isPlainObject } from "./bodies";
import { badRequest, graphError } from "./errors";
import { executeGraph, type GraphEnv } from "./dispatch";
import type { GraphRequest, GraphResponse } from "./types";

const MAX_BATCH_REQUESTS = 20;

interface BatchItem {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  dependsOn: string[];
}

interface BatchItemResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

function parseEnvelope(body: unknown): { ok: true; items: BatchItem[] } | { ok: false; message: string } {
  if (!isPlainObject(body) || !Array.isArray(body.requests)) return { ok: false, message: "Invalid batch payload format: expected { \"requests\": [...] }." };
  if (body.requests.length > MAX_BATCH_REQUESTS) {
    return { ok: false, message: `The number of requests in the batch (${body.requests.length}) exceeds the limit of ${MAX_BATCH_REQUESTS}.` };
  }
  const items: BatchItem[] = [];
  const ids = new Set<string>();
  for (const raw of body.requests) {
    if (!isPlainObject(raw)) return { ok: false, message: "Invalid batch payload format: each request must be an object." };
    const { id, method, url, headers, dependsOn } = raw;
    if (typeof id !== "string" || !id) return { ok: false, message: "Invalid batch payload format: every request needs a string 'id'." };
    if (ids.has(id)) return { ok: false, message: `Batch request id '${id}' is duplicated; ids must be unique.` };
    if (typeof method !== "string" || typeof url !== "string") {
      return { ok: false, message: `Invalid batch payload format: request '${id}' needs 'method' and 'url'.` };
    }
    const deps = dependsOn === undefined ? [] : dependsOn;
    if (!Array.isArray(deps) || deps.some((d) => typeof d !== "string" || !ids.has(d))) {
      return { ok: false, message: `Request '${id}' has a dependsOn naming an id that does not appear earlier in the batch.` };
    }
    const itemHeaders: Record<string, string> = {};
    if (isPlainObject(headers)) for (const [k, v] of Object.entries(headers)) if (typeof v === "string") itemHeaders[k.toLowerCase()] = v;
    ids.add(id);
    items.push({ id, method: method.toUpperCase(), url, headers: itemHeaders, body: raw.body, dependsOn: deps as string[] });
  }
  return { ok: true, items };
}

function toItemResponse(id: string, response: GraphResponse): BatchItemResponse {
  const headers: Record<string, string> = { ...response.headers };
  const body: unknown = response.json !== undefined ? JSON.parse(response.json) : response.body;
  // An item without content (204) carries "body": null, as Graph's batching page shows it.
  if (body === undefined) return { id, status: response.status, headers, body: null };
  headers["Content-Type"] = "application/json";
  return { id, status: response.status, headers, body };
}

function itemRequest(envelope: GraphRequest, item: BatchItem): GraphRequest | { error: string } {
  if (/^[a-z]+:/i.test(item.url)) return { error: "Batch request urls must be relative to the version root." };
  const relative = item.url.startsWith("/") ? item.url : `/${item.url}`;
  const url = new URL(relative, "http://batch.invalid");
  if (url.pathname.toLowerCase() === "/$batch") return { error: "A $batch request cannot be nested in a batch." };
  if (item.body !== undefined && !item.headers["content-type"]) {
    return { error: "The Content-Type header must be specified when a request body is present." };
  }
  return {
    method: item.method,
    version: envelope.version,
    path: url.pathname,
    query: url.searchParams,
    body: item.body,
    authorization: envelope.authorization,
    consistencyLevel: item.headers.consistencylevel,
    baseUrl: envelope.baseUrl,
    requestId: randomUUID(),
    clientRequestId: item.headers["client-request-id"] ?? envelope.clientRequestId,
  };
}

export async function executeBatch(env: GraphEnv, envelope: GraphRequest): Promise<GraphResponse> {
  const parsed = parseEnvelope(envelope.body);
  if (!parsed.ok) return badRequest(envelope, parsed.message);

  const responses: BatchItemResponse[] = [];
  const pending = new Map<string, Promise<BatchItemResponse>>();
  for (const item of parsed.items) {
    const run = async (): Promise<BatchItemResponse> => {
      const deps = await Promise.all(item.dependsOn.map((d) => pending.get(d)));
      const request = itemRequest(envelope, item);
      const ids = "error" in request ? { requestId: randomUUID(), clientRequestId: envelope.clientRequestId } : request;
      if (deps.some((d) => !d || d.status >= 400)) {
        return toItemResponse(item.id, graphError(ids, 424, "FailedDependency", "The request was not run because a request it depends on failed."));
      }
      if ("error" in request) return toItemResponse(item.id, badRequest(ids, request.error));
      return toItemResponse(item.id, await executeGraph(env, request));
    };
    const promise = run().then((r) => {
      responses.push(r);
      return r;
    });
    pending.set(item.id, promise);
  }
  await Promise.all(pending.values());
  // Graph promises no order; shuffling keeps clients from relying on one.
  for (let i = responses.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [responses[i], responses[j]] = [responses[j] as BatchItemResponse, responses[i] as BatchItemResponse];
  }
  return { status: 200, headers: {}, body: { responses } };
}
