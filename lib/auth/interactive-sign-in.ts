import type { IPublicClientApplication } from "@azure/msal-browser";
import type { PublicAuthConfig } from "@/lib/config/runtime";
import { loginScopes } from "./msal-config";

const LAST_INTERACTIVE_KEY = "ctsd.last-interactive-sign-in";
const LOOP_WINDOW_MS = 60_000;

/**
 * Sends the user through sign-in and back to the exact URL they are on.
 * Returns false instead of redirecting when an interactive attempt already
 * happened moments ago, so a broken renewal never becomes a redirect loop.
 */
export async function redirectToSignIn(
  instance: IPublicClientApplication,
  config: PublicAuthConfig,
  options: { prompt?: "login" | "select_account" } = {},
): Promise<boolean> {
  const last = Number(window.sessionStorage.getItem(LAST_INTERACTIVE_KEY) ?? "0");
  if (Date.now() - last < LOOP_WINDOW_MS && !options.prompt) return false;
  window.sessionStorage.setItem(LAST_INTERACTIVE_KEY, String(Date.now()));
  await instance.loginRedirect({
    scopes: loginScopes(config),
    redirectStartPage: window.location.href,
    ...(options.prompt ? { prompt: options.prompt } : {}),
  });
  return true;
}

export function clearSignInLoopGuard(): void {
  window.sessionStorage.removeItem(LAST_INTERACTIVE_KEY);
}
