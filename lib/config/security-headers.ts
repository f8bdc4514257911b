/**
 * The response headers every route carries: a Content-Security-Policy with a
 * fresh nonce per request (set by proxy.ts), plus the headers that never change.
 * Pure functions of the runtime configuration, so they are unit-tested and
 * documented in the README's Security section.
 */
import type { RuntimeConfig } from "./runtime";

/**
 * sonner inserts its stylesheet as a `<style>` element without a nonce: it is
 * allowed by hash (its exact text, pinned with the package; a unit test recomputes it),
 * together with the empty element it creates first.
 */
export const SONNER_STYLE_HASH = "sha256-StEaX+se6YS7pqjzrzMIA0KaX9zF/8zAhvQXZAe5epY=";
export const EMPTY_STYLE_HASH = "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";

/** Browser features the dashboard never uses; `clipboard-write` stays, for the copy buttons. */
const DENIED_FEATURES = [
  "accelerometer",
  "autoplay",
  "bluetooth",
  "camera",
  "display-capture",
  "encrypted-media",
  "geolocation",
  "gyroscope",
  "hid",
  "idle-detection",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "publickey-credentials-get",
  "screen-wake-lock",
  "serial",
  "usb",
  "xr-spatial-tracking",
];

export const PERMISSIONS_POLICY = DENIED_FEATURES.map((feature) => `${feature}=()`).join(", ");

/** Headers that are the same on every response, static files included (next.config.ts). */
export const STATIC_SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
];

export const HSTS_VALUE = "max-age=63072000; includeSubDomains";

function origin(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** Where the browser may send requests: the app, the sign-in authority and, in emulator mode, the emulator. */
export function connectSources(config: Pick<RuntimeConfig, "authority" | "usesEmulator" | "graphRoot">): string[] {
  const sources = ["'self'", origin(config.authority)];
  // In emulator mode graphRoot is the emulator itself, which also serves the sign-in endpoints.
  if (config.usesEmulator) sources.push(origin(config.graphRoot));
  return [...new Set(sources.filter((source): source is string => source !== null))];
}

export interface CspOptions {
  nonce: string;
  /** `next dev` needs eval (React's dev tooling) and inline styles (CSS hot reload). */
  development: boolean;
}

export function contentSecurityPolicy(config: Pick<RuntimeConfig, "authority" | "usesEmulator" | "graphRoot">, options: CspOptions): string {
  const scripts = [`'nonce-${options.nonce}'`, "'strict-dynamic'", ...(options.development ? ["'unsafe-eval'"] : [])];
  // With a nonce or hash present browsers ignore 'unsafe-inline', so development lists neither.
  const styles = options.development
    ? ["'self'", "'unsafe-inline'"]
    : ["'self'", `'nonce-${options.nonce}'`, `'${SONNER_STYLE_HASH}'`, `'${EMPTY_STYLE_HASH}'`];
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": scripts,
    "style-src": styles,
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": connectSources(config),
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    // MSAL's silent renewal loads the app's redirect page in a hidden frame of the app itself.
    "frame-ancestors": ["'self'"],
    "frame-src": ["'self'", ...connectSources(config).filter((source) => source !== "'self'")],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

/** 128 random bits, base64: unguessable and fresh for every request. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The largest server-action body accepted. The largest call the console makes (500 tenant ids and a
 * token) is about 25 KB, and every action refuses an argument list over 64 Ki characters anyway.
 */
export const SERVER_ACTION_BODY_LIMIT_BYTES = 128 * 1024;

/** A server-action POST that says it is larger than the limit: refused before Next.js reads or decodes it. */
export function isOversizedActionPost(method: string, headers: Headers): boolean {
  if (method !== "POST" || !headers.has("next-action")) return false;
  const length = headers.get("content-length");
  // Digits only, and at most 16 of them: the check costs nothing whatever the header holds.
  if (length === null || length.length > 16 || !/^\d+$/.test(length)) return false;
  return Number(length) > SERVER_ACTION_BODY_LIMIT_BYTES;
}
