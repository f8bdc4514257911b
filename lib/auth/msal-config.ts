/**
 * Builds MSAL's configuration from the runtime config the server handed over.
 * Owns: redirect URIs, cache location, logger policy.
 */
import { LogLevel, type Configuration } from "@azure/msal-browser";
import type { PublicAuthConfig } from "@/lib/config/runtime";

export const REDIRECT_BRIDGE_PATH = "/redirect";
export const SIGNED_OUT_PATH = "/signed-out";

export function buildMsalConfiguration(config: PublicAuthConfig, origin: string): Configuration {
  return {
    auth: {
      clientId: config.clientId,
      authority: config.authority,
      knownAuthorities: config.knownAuthorities,
      ...(config.authorityMetadata ? { authorityMetadata: config.authorityMetadata } : {}),
      redirectUri: `${origin}${REDIRECT_BRIDGE_PATH}`,
      postLogoutRedirectUri: `${origin}${SIGNED_OUT_PATH}`,
    },
    // sessionStorage: tokens die with the tab and are never written to disk-backed storage.
    cache: { cacheLocation: "sessionStorage" },
    system: {
      loggerOptions: {
        logLevel: LogLevel.Warning,
        piiLoggingEnabled: false,
        loggerCallback: (level, message, containsPii) => {
          if (containsPii || level > LogLevel.Warning) return;
          // Harmless noise while Next prerenders client components on the server.
          if (message.includes("window is not defined")) return;
          if (level === LogLevel.Error) console.error(message);
          else console.warn(message);
        },
      },
    },
  };
}

export function loginScopes(config: PublicAuthConfig): string[] {
  return ["openid", "profile", "offline_access", ...config.graphScopes];
}
