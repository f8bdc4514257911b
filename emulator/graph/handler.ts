/**
 * HTTP front of the Graph emulator: turns a node request under /beta or /v1.0
 * into a GraphRequest (body parsed once), applies latency, sends $batch to the
 * batch runner and everything else to the dispatcher, and writes the answer
 * with Graph's headers (request-id, client-request-id, CORS, OData).
 *
 * Latency: a read is answered from the state it finds on arrival and held until the latency has
 * passed, so this one thread does its work while the read waits, as Graph's many servers do; a write
 * (or a $batch holding one) waits out the latency first and only then changes anything, so a client
 * can be watched while its write is on its way and not yet applied.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { corsHeaders, preflightHeaders, readBody, send } from "../http";
import { authenticate } from "./auth";
import { executeBatch } from "./batch";
import { isPlainObject } from "./bodies";
import { executeGraph, faultPaths, unauthorized, type GraphEnv } from "./dispatch";
import { badRequest, faultResponse, graphError } from "./errors";
import type { GraphRequest, GraphResponse, GraphVersion } from "./types";

const JSON_TYPE = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

const AGS_DIAGNOSTIC = JSON.stringify({ ServerInfo: { DataCenter: "Local Emulator", Slice: "E", Ring: "0", ScaleUnit: "000", RoleInstance: "emulator" } });

async function runTopLevel(env: GraphEnv, request: GraphRequest): Promise<GraphResponse> {
  if (request.path.toLowerCase() !== "/$batch") return executeGraph(env, request);
  if (request.method !== "POST") return graphError(request, 405, "Request_BadRequest", "$batch only accepts POST.");
  // Graph throttles the items of a batch, not the envelope; fail-next rules naming /$batch still apply.
  const fault = env.faults.pick(request.method, faultPaths(request), { random: false });
  if (fault) return faultResponse(request, fault.status, fault.retryAfterSeconds);
  const auth = await authenticate(request.authorization, env.tokenCheck);
  if (!auth.ok) return unauthorized(request, auth.message);
  if (request.bodyError) return badRequest(request, request.bodyError);
  return executeBatch(env, request);
}

/** A GET, or a $batch of GETs only: answering it changes nothing a client asked for. */
function isRead(request: GraphRequest): boolean {
  if (request.method === "GET") return true;
  if (request.method !== "POST" || request.path.toLowerCase() !== "/$batch") return false;
  const items = isPlainObject(request.body) ? request.body.requests : undefined;
  return Array.isArray(items) && items.length > 0 && items.every((item) => isPlainObject(item) && typeof item.method === "string" && item.method.toUpperCase() === "GET");
}

async function answerAfterLatency(env: GraphEnv, request: GraphRequest): Promise<GraphResponse> {
  if (!isRead(request)) {
    await env.faults.applyLatency();
    return runTopLevel(env, request);
  }
  const [response] = await Promise.all([runTopLevel(env, request), env.faults.applyLatency()]);
  return response;
}

export async function handleGraphHttp(
  env: GraphEnv,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  version: GraphVersion,
  ids: { requestId: string; clientRequestId: string },
  fallbackBaseUrl: string,
): Promise<void> {
  const method = (req.method ?? "GET").toUpperCase();
  if (method === "OPTIONS") return send(res, 204, null, preflightHeaders(req));

  const hasBody = req.headers["content-length"] !== undefined || req.headers["transfer-encoding"] !== undefined;
  const raw = hasBody ? await readBody(req) : Buffer.alloc(0);
  let body: unknown;
  let bodyError: string | undefined;
  const text = raw.toString("utf8").trim();
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      bodyError = "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.";
    }
  }

  const request: GraphRequest = {
    method,
    version,
    path: url.pathname.slice(version.length + 1) || "/",
    query: url.searchParams,
    body,
    bodyError,
    authorization: req.headers.authorization,
    consistencyLevel: typeof req.headers.consistencylevel === "string" ? req.headers.consistencylevel : undefined,
    baseUrl: req.headers.host ? `http://${req.headers.host}` : fallbackBaseUrl,
    ...ids,
  };

  const response = await answerAfterLatency(env, request);
  const headers: Record<string, string> = {
    ...corsHeaders(req),
    "Cache-Control": "no-cache",
    "OData-Version": "4.0",
    "x-ms-ags-diagnostic": AGS_DIAGNOSTIC,
    ...response.headers,
  };
  const json = response.json ?? (response.body === undefined ? undefined : JSON.stringify(response.body));
  if (json === undefined) return send(res, response.status, null, headers);
  send(res, response.status, json, { ...headers, "Content-Type": JSON_TYPE });
}
