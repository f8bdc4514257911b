/**
 * Runs before every page and server action: gives the request a fresh CSP
 * nonce (Next.js reads it from the request's Content-Security-Policy header and
 * stamps it on its own scripts) and sets the per-request security headers.
 */
import { NextResponse, type NextRequest } from "next/server";
import { getRuntimeConfig, type RuntimeConfig } from "@/lib/config";
import { contentSecurityPolicy, createNonce, HSTS_VALUE } from "@/lib/security-headers";

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

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (servedOverHttps(request)) response.headers.set("Strict-Transport-Security", HSTS_VALUE);
  return response;
}

export const config = {
  // Static build output carries the fixed headers from next.config.ts; it runs no script of its own.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
