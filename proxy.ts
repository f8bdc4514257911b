/**
 * Runs before every page and server action: gives the request a fresh CSP
 * nonce (Next.js reads it from the request's Content-Security-Policy header and
 * stamps it on its own scripts) and sets the per-request security headers.
 */
import { NextResponse, type NextRequest } from "next/server";
import { getRuntimeConfig, type RuntimeConfig } from "@/lib/config/runtime";
import { contentSecurityPolicy, createNonce, HSTS_VALUE, isOversizedActionPost } from "@/lib/config/security-headers";

type CspConfig = Pick<RuntimeConfig, "authority" | "usesEmulator" | "graphRoot">;

function cspConfig(): CspConfig {
  try {
    return getRuntimeConfig();
  } catch {
    // The server refuses to start on a bad configuration; should one appear later, allow only the app itself.
    return { authority: "", usesEmulator: false, graphRoot: "" };
  }
}

function servedOverHttps(request: NextRequest): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return (forwarded ?? request.nextUrl.protocol.replace(/:$/, "")) === "https";
}

export function proxy(request: NextRequest) {
  const nonce = createNonce();
  const csp = contentSecurityPolicy(cspConfig(), { nonce, development: process.env.NODE_ENV === "development" });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);

  // An oversized action POST is answered here, before the action handler reads or decodes it;
  // a body sent without a length still meets serverActions.bodySizeLimit (next.config.ts).
  const response = isOversizedActionPost(request.method, request.headers)
    ? new NextResponse("The request is too large.", { status: 413, headers: { "Content-Type": "text/plain; charset=utf-8" } })
    : NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (servedOverHttps(request)) response.headers.set("Strict-Transport-Security", HSTS_VALUE);
  return response;
}

export const config = {
  // Skipped: only the build's static files (`/_next/static/…`) and the image optimizer (`/_next/image`
  // exactly, or `/_next/image/…`; its query is not part of the path matched), which serve no HTML and
  // carry the fixed headers from next.config.ts. The lookahead is anchored after the first slash and
  // spells out the next character, so `/_next/staticx` or `/_next/imagefoo` (a 404 page) still get
  // the CSP. `/favicon.ico` is not skipped: the app has none, so it is the not-found page, which needs
  // its CSP like any other. Next.js compiles the matcher case-sensitively.
  matcher: [{ source: "/((?!_next/static/|_next/image(?:/|$)).*)" }],
};
