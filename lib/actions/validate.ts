import "server-only";
import { z } from "zod";
import { getRuntimeConfig } from "@/lib/config";
import { MAX_TENANT_IDS_PER_CALL, RESTORE_ROUTES } from "@/lib/writes/outcome";
import { invalidArgument, ok, type AppError, type Result } from "@/lib/result";

export const MAX_TOKEN_LENGTH = 16_384;

const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]*$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Every message is fixed text: nothing the caller sent (above all the token) is echoed back.
const TOKEN_MESSAGE = `must be an access token (JWT) of at most ${MAX_TOKEN_LENGTH} characters`;
const GUID_MESSAGE = "must be a tenant id GUID";

export const tokenSchema = z
  .string({ error: TOKEN_MESSAGE })
  .min(1, { error: TOKEN_MESSAGE })
  .max(MAX_TOKEN_LENGTH, { error: TOKEN_MESSAGE })
  .regex(JWT_SHAPE, { error: TOKEN_MESSAGE });

export const tenantIdSchema = z
  .string({ error: GUID_MESSAGE })
  .trim()
  .regex(GUID, { error: GUID_MESSAGE })
  .transform((id) => id.toLowerCase());

export const tenantIdsSchema = z
  .array(tenantIdSchema, { error: "must be a list of tenant id GUIDs" })
  .max(MAX_TENANT_IDS_PER_CALL, { error: `must hold at most ${MAX_TENANT_IDS_PER_CALL} tenant ids` });

export const flagSchema = z.boolean({ error: "must be a boolean" });

const NAME_MESSAGE = "must be a name of at most 256 characters, without control characters";
export const displayNameSchema = z
  .string({ error: NAME_MESSAGE })
  .trim()
  .min(1, { error: "must not be empty" })
  .max(256, { error: NAME_MESSAGE })
  .regex(/^\P{Cc}+$/u, { error: NAME_MESSAGE });

// A plain DNS name: ASCII labels of letters, digits and inner hyphens, at least one dot, a last
// label of two or more characters starting with a letter. Explicit ASCII classes rather than a
// case-insensitive flag, which under Unicode matching folds look-alikes (the Kelvin sign) into
// letters. No scheme, port, path, quote or percent can pass, so the name is inert inside the
// OData function-call URL even before lib/graph escapes it.
const DNS_NAME = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z][A-Za-z0-9-]{0,61}[A-Za-z0-9]$/;
const DOMAIN_MESSAGE = "must be a domain name such as contoso.onmicrosoft.com";
export const domainSchema = z
  .string({ error: DOMAIN_MESSAGE })
  .trim()
  .min(3, { error: DOMAIN_MESSAGE })
  .max(253, { error: DOMAIN_MESSAGE })
  .regex(DNS_NAME, { error: DOMAIN_MESSAGE })
  .transform((domain) => domain.toLowerCase());

const SETTINGS_KEYS = ["userSyncAllowed", "groupSyncAllowed"] as const;
export const syncSettingsSchema = z
  .strictObject(
    { userSyncAllowed: flagSchema.optional(), groupSyncAllowed: flagSchema.optional() },
    // Unknown keys are named by the caller: the message lists the known ones instead.
    { error: (issue) => (issue.code === "unrecognized_keys" ? `may hold only ${SETTINGS_KEYS.join(" and ")}` : "must be an object with userSyncAllowed or groupSyncAllowed") },
  )
  .refine((settings) => settings.userSyncAllowed !== undefined || settings.groupSyncAllowed !== undefined, { error: "must change inbound user or group sync" });

export const restoreRouteSchema = z.enum(RESTORE_ROUTES, { error: `must be one of ${RESTORE_ROUTES.join(", ")}` });

function describePath(path: readonly PropertyKey[]): string {
  return path.map((key, index) => (typeof key === "number" ? `[${key}]` : index === 0 ? String(key) : `.${String(key)}`)).join("");
}

/** Validates a server action's arguments; the first problem becomes an InvalidArgument error. */
function parseArgs<S extends z.ZodType>(schema: S, args: unknown): Result<z.output<S>> {
  const parsed = schema.safeParse(args);
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0];
  const where = issue ? describePath(issue.path) : "";
  return invalidArgument(`${where || "arguments"} ${issue?.message ?? "are invalid"}`);
}

/**
 * The argument list of one server action, by name. A server action is a public
 * POST endpoint: callers may send any number of arguments of any shape, so the
 * count is checked before each value, and nothing sent is ever echoed back.
 */
export function actionArguments<Shape extends z.ZodRawShape>(shape: Shape) {
  const names = Object.keys(shape);
  const schema = z.strictObject(shape);
  const countMessage = `expects ${names.length} argument${names.length === 1 ? "" : "s"}: ${names.join(", ")}`;
  return (args: readonly unknown[]): Result<z.output<typeof schema>> => {
    if (!Array.isArray(args) || args.length !== names.length) return invalidArgument(`This action ${countMessage}`);
    return parseArgs(schema, Object.fromEntries(names.map((name, index) => [name, args[index]])));
  };
}

/** deletedItems and restore exist on the global cloud only; say so instead of sending a call Graph will refuse. */
export function deletedItemsUnsupportedError(): AppError | null {
  let supported = true;
  try {
    supported = getRuntimeConfig().deletedItemsSupported;
  } catch {
    // An invalid configuration surfaces on the Graph call itself.
  }
  if (supported) return null;
  return {
    status: 400,
    code: "NotSupportedInCloud",
    message: "Deleted items and restore are not available in this Microsoft cloud.",
    requestId: null,
    retryAfterSeconds: null,
  };
}
