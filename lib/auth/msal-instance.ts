import { PublicClientApplication } from "@azure/msal-browser";
import type { PublicAuthConfig } from "@/lib/config/runtime";
import { buildMsalConfiguration } from "./msal-config";

let instance: { key: string; pca: PublicClientApplication } | null = null;

/** One PublicClientApplication per tab; a new one only if the runtime config changed. */
export function getMsalInstance(config: PublicAuthConfig): PublicClientApplication {
  const key = JSON.stringify(config);
  if (!instance || instance.key !== key) {
    instance = { key, pca: new PublicClientApplication(buildMsalConfiguration(config, window.location.origin)) };
  }
  return instance.pca;
}
