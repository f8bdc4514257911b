import "server-only";
import { z } from "zod";
import { fail, type Result } from "@/lib/result";
import type { WriteOutcome } from "@/lib/writes/outcome";

export const displayNameSchema = z
  .string({ error: "must be a name of at most 256 characters" })
  .trim()
  .min(1, { error: "must not be empty" })
  .max(256, { error: "must be a name of at most 256 characters" });

// DNS names: labels of letters, digits and hyphens, at least one dot; no scheme, path or quote.
const DOMAIN = /^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/i;
export const domainSchema = z
  .string({ error: "must be a domain name such as contoso.onmicrosoft.com" })
  .trim()
  .regex(DOMAIN, { error: "must be a domain name such as contoso.onmicrosoft.com" })
  .transform((domain) => domain.toLowerCase());

export const syncSettingsSchema = z
  .object({ userSyncAllowed: z.boolean().optional(), groupSyncAllowed: z.boolean().optional() }, { error: "must name inbound user or group sync" })
  .strict()
  .refine((settings) => settings.userSyncAllowed !== undefined || settings.groupSyncAllowed !== undefined, { error: "must change inbound user or group sync" });

/**
 * When every outcome is "unauthorized" nothing was done, so the action fails
 * with the 401 itself: callers renew the token once and call again.
 */
export function failIfAllUnauthorized<T>(outcomes: WriteOutcome[], data: T): Result<T> {
  const first = outcomes[0];
  if (first?.error && outcomes.every((o) => o.kind === "unauthorized")) return fail(first.error);
  return { ok: true, data };
}
