import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./lib/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Next prints server actions' arguments in development by default; our first argument is a bearer token.
  logging: { serverFunctions: false },
  async headers() {
    // No Cross-Origin-Opener-Policy anywhere: MSAL's redirect bridge (/redirect) must keep its opener.
    // The Content-Security-Policy (nonce per request) and Strict-Transport-Security come from proxy.ts.
    return [{ source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] }];
  },
};

export default nextConfig;
