/**
 * Small node:http helpers shared by every route: bodies, JSON/HTML answers,
 * CORS, cookies and the loopback and Host tests for the control API.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

export const MAX_BODY_BYTES = 4 * 1024 * 1024;

export class BodyTooLargeError extends Error {}

export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) throw new BodyTooLargeError(`Request body larger than ${limit} bytes`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

export type Headers = Record<string, string>;

export function send(res: ServerResponse, status: number, body: string | Buffer | null, headers: Headers = {}): void {
  if (res.headersSent) return;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.statusCode = status;
  res.end(body ?? undefined);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Headers = {}): void {
  send(res, status, JSON.stringify(body), { "Content-Type": "application/json; charset=utf-8", ...headers });
}

export function sendHtml(res: ServerResponse, status: number, html: string, headers: Headers = {}): void {
  send(res, status, html, {
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    ...headers,
  });
}

const EXPOSED = "request-id, client-request-id, x-ms-request-id, Retry-After, Location, Content-Type, x-ms-ags-diagnostic";

/** CORS as Graph and the token endpoint answer it: any origin, no credentials. */
export function corsHeaders(req: IncomingMessage): Headers {
  const origin = req.headers.origin;
  const headers: Headers = {
    "Access-Control-Allow-Origin": origin ?? "*",
    "Access-Control-Expose-Headers": EXPOSED,
  };
  if (origin) headers.Vary = "Origin";
  return headers;
}

export function preflightHeaders(req: IncomingMessage): Headers {
  const requested = req.headers["access-control-request-headers"];
  return {
    ...corsHeaders(req),
    "Access-Control-Allow-Methods": "GET, POST, PUT, PATCH, DELETE, OPTIONS",
    "Access-Control-Allow-Headers": typeof requested === "string" && requested ? requested : "Authorization, Content-Type",
    "Access-Control-Max-Age": "86400",
  };
}

export function parseCookies(req: IncomingMessage): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    cookies.set(part.slice(0, eq).trim(), decodeURIComponent(part.slice(eq + 1).trim()));
  }
  return cookies;
}

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === "::1" || address.startsWith("127.") || address.startsWith("::ffff:127.");
}

/** Host headers naming the loopback interface; anything else may be a DNS-rebound name pointing at us. */
const LOOPBACK_HOST = /^(?:localhost|127\.0\.0\.1|\[::1\])(?::\d{1,5})?$/i;

export function isLoopbackHost(host: string | undefined): boolean {
  return host !== undefined && LOOPBACK_HOST.test(host);
}

/** The media type of Content-Type without parameters, lower-cased ("" when absent). */
export function mediaType(req: IncomingMessage): string {
  return (headerValue(req, "content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

export function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
