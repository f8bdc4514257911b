import type { NextConfig } from "next";
import { SERVER_ACTION_BODY_LIMIT_BYTES, STATIC_SECURITY_HEADERS } from "./lib/config/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Next prints server actions' arguments in development by default; our first argument is a bearer token.
  logging: { serverFunctions: false },
  experimental: {
    // The largest call the console makes (500 tenant ids and a token) is about 25 KB, and every action refuses an
    // argument list over 64 Ki characters. Bodies past this limit are refused while they arrive, before
    // anything decodes them: a 1 MB POST costs its upload, not a parse (bench/results.md, "Hostile input").
    serverActions: { bodySizeLimit: `${SERVER_ACTION_BODY_LIMIT_BYTES / 1024}kb` },
  },
  async headers() {
    // No Cross-Origin-Opener-Policy anywhere: MSAL's redirect bridge (/redirect) must keep its opener.
    // The Content-Security-Policy (nonce per request) and Strict-Transport-Security come from proxy.ts.
    return [{ source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] }];
  },
};

export default nextConfig;
