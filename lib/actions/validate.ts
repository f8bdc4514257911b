import "server-only";
import { z } from "zod";
import { getRuntimeConfig } from "@/lib/config/runtime";
import { DOMAIN_NAME_PATTERN, TENANT_ID_PATTERN } from "@/lib/core/tenant-id";
import { MAX_TENANT_IDS_PER_CALL, RESTORE_ROUTES } from "@/lib/writes/outcome";
import { RESTART_SCOPES } from "@/lib/outbound/models";
import { invalidArgument, ok, type AppError, type Result } from "@/lib/core/result";

/*
 * A server action is a public POST endpoint, so no argument may cost more than its size:
 * - the whole argument list is measured first (ARGUMENT_LIMITS), stopping at the first excess;
 * - every string field is then length-checked with `abort: true` (boundedString), so no trim,
 *   pattern or URL parser ever runs on a longer value;
 * - every pattern is linear: no nested or overlapping quantifiers, and no class before a
 *   literal that the class also matches (the quadratic case on a long run of that literal).
 * Every message is fixed text: nothing the caller sent (above all the token, or the names of
 * keys it added) is echoed back.
 */

export const MAX_TOKEN_LENGTH = 16_384;

/**
 * What a whole argument list may hold, measured before any schema runs. The largest lawful
 * call (a token of MAX_TOKEN_LENGTH and MAX_TENANT_IDS_PER_CALL ids) fits with room to spare.
 */
export const ARGUMENT_LIMITS = { chars: 65_536, values: 2_048, depth: 4 } as const;
const TOO_LARGE_MESSAGE = "The arguments are larger than this action accepts";
/** Said for any problem a schema below has no words of its own for. */
const FALLBACK_MESSAGE = "is not valid";

/** Whether `args` stays within ARGUMENT_LIMITS; stops at the first value past a limit, so the cost is bounded by the limits, not by what was sent. */
function withinArgumentLimits(args: readonly unknown[]): boolean {
  let chars = 0;
  let values = 0;
  const fits = (value: unknown, depth: number): boolean => {
    values += 1;
    if (values > ARGUMENT_LIMITS.values) return false;
    if (typeof value === "string") {
      chars += value.length;
      return chars <= ARGUMENT_LIMITS.chars;
    }
    if (typeof value !== "object" || value === null) return true;
    if (depth >= ARGUMENT_LIMITS.depth) return false;
    if (Array.isArray(value)) {
      if (value.length > ARGUMENT_LIMITS.values) return false;
      for (const item of value as unknown[]) if (!fits(item, depth + 1)) return false;
      return true;
    }
    // Only plain objects are walked: anything else (Map, Date, typed array) is refused by its schema.
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) return true;
    for (const key in value) {
      chars += key.length;
      if (chars > ARGUMENT_LIMITS.chars || !fits((value as Record<string, unknown>)[key], depth + 1)) return false;
    }
    return true;
  };
  return args.every((arg) => fits(arg, 1));
}

/** A string whose length is checked before anything else runs on it: no later check (trim, pattern, URL parser) sees a longer value. */
export function boundedString(max: number, message: string) {
  return z.string({ error: message }).max(max, { error: message, abort: true });
}

// Three runs of characters that do not include the dot between them: each character has one place to go.
const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]*$/;

const TOKEN_MESSAGE = `must be an access token (JWT) of at most ${MAX_TOKEN_LENGTH} characters`;
const GUID_MESSAGE = "must be a tenant id GUID";

export const tokenSchema = boundedString(MAX_TOKEN_LENGTH, TOKEN_MESSAGE)
  .min(1, { error: TOKEN_MESSAGE })
  .regex(JWT_SHAPE, { error: TOKEN_MESSAGE });

/** A GUID is 36 characters; a little room for the whitespace trimmed off it. */
const MAX_TENANT_ID_LENGTH = 64;
export const tenantIdSchema = boundedString(MAX_TENANT_ID_LENGTH, GUID_MESSAGE)
  .trim()
  .regex(TENANT_ID_PATTERN, { error: GUID_MESSAGE })
  .transform((id) => id.toLowerCase());

export const tenantIdsSchema = z
  .array(tenantIdSchema, { error: "must be a list of tenant id GUIDs" })
  .max(MAX_TENANT_IDS_PER_CALL, { error: `must hold at most ${MAX_TENANT_IDS_PER_CALL} tenant ids` });

export const flagSchema = z.boolean({ error: "must be a boolean" });

const OBJECT_ID_MESSAGE = "must be an object id GUID";
/** A directory object's id (service principal, user): a GUID like a tenant id. */
export const objectIdSchema = boundedString(MAX_TENANT_ID_LENGTH, OBJECT_ID_MESSAGE)
  .trim()
  .regex(TENANT_ID_PATTERN, { error: OBJECT_ID_MESSAGE })
  .transform((id) => id.toLowerCase());

const JOB_ID_MESSAGE = "must be a synchronization job id";
/** Job ids are a template id and two ids without dashes, joined by dots (Azure2Azure.<tid>.<sp>). */
export const jobIdSchema = boundedString(128, JOB_ID_MESSAGE).regex(/^[A-Za-z0-9.]+$/, { error: JOB_ID_MESSAGE });

const FINGERPRINT_MESSAGE = "must be the job state the page showed";
/** jobFingerprint: status code, schedule, quarantine reason and held deletions joined by bars. */
export const fingerprintSchema = boundedString(200, FINGERPRINT_MESSAGE).regex(/^[A-Za-z0-9|-]+$/, { error: FINGERPRINT_MESSAGE });

export const restartScopesSchema = z
  // The message names no value: a refusal quotes nothing, not even the valid flags sent beside a bad one.
  .array(z.enum(RESTART_SCOPES, { error: "must each be a documented restart scope" }), { error: "must be a list of restart scopes" })
  .max(RESTART_SCOPES.length, { error: `must hold at most ${RESTART_SCOPES.length} scopes` });

const SEARCH_MESSAGE = "must be a search of 1 to 100 characters, without control characters";
export const searchTextSchema = boundedString(100, SEARCH_MESSAGE)
  .trim()
  .min(1, { error: SEARCH_MESSAGE })
  .regex(/^\P{Cc}+$/u, { error: SEARCH_MESSAGE });

const NAME_MESSAGE = "must be a name of at most 256 characters, without control characters";
export const displayNameSchema = boundedString(256, NAME_MESSAGE)
  .trim()
  .min(1, { error: "must not be empty" })
  .regex(/^\P{Cc}+$/u, { error: NAME_MESSAGE });

const DOMAIN_MESSAGE = "must be a domain name such as contoso.onmicrosoft.com";
export const domainSchema = boundedString(253, DOMAIN_MESSAGE)
  .trim()
  .min(3, { error: DOMAIN_MESSAGE })
  .regex(DOMAIN_NAME_PATTERN, { error: DOMAIN_MESSAGE })
  .transform((domain) => domain.toLowerCase());

const SETTINGS_KEYS = ["userSyncAllowed", "groupSyncAllowed"] as const;
export const syncSettingsSchema = z
  .strictObject(
    { userSyncAllowed: flagSchema.optional(), groupSyncAllowed: flagSchema.optional() },
    // Unknown keys are named by the caller: the message lists the known ones instead.
    { error: (issue) => (issue.code === "unrecognized_keys" ? `may hold only ${SETTINGS_KEYS.join(" and ")}` : "must be an object with userSyncAllowed or groupSyncAllowed") },
  )
  .refine((settings) => settings.userSyncAllowed !== undefined || settings.groupSyncAllowed !== undefined, { error: "must change inbound user or group sync" });

/** The longest paging link an action accepts back from the browser (the audit log's). */
export const MAX_PAGE_LINK_LENGTH = 4096;

export const restoreRouteSchema = z.enum(RESTORE_ROUTES, { error: `must be one of ${RESTORE_ROUTES.join(", ")}` });

/**
 * Where a problem is, by the names our schemas declare: no schema here holds a record,
 * catch-all or loose object, so a path never carries a key the caller chose (an unknown key is
 * reported on its parent object), and array positions are numbers.
 */
function describePath(path: readonly PropertyKey[]): string {
  return path.map((key, index) => (typeof key === "number" ? `[${key}]` : index === 0 ? String(key) : `.${String(key)}`)).join("");
}

/** Validates a server action's arguments; the first problem becomes an InvalidArgument error in words of ours only. */
function parseArgs<S extends z.ZodType>(schema: S, args: unknown): Result<z.output<S>> {
  // The fallback replaces zod's own messages, some of which quote the input (the names of unknown keys).
  const parsed = schema.safeParse(args, { error: () => FALLBACK_MESSAGE });
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0];
  const where = issue ? describePath(issue.path) : "";
  return invalidArgument(`${where || "arguments"} ${issue?.message ?? FALLBACK_MESSAGE}`);
}

/**
 * The argument list of one server action, by name. A server action is a public
 * POST endpoint: callers may send any number of arguments of any shape, so the
 * count is checked first, then the size of the whole list, then each value.
 */
export function actionArguments<Shape extends z.ZodRawShape>(shape: Shape) {
  const names = Object.keys(shape);
  const schema = z.strictObject(shape);
  const countMessage = `expects ${names.length} argument${names.length === 1 ? "" : "s"}: ${names.join(", ")}`;
  return (args: readonly unknown[]): Result<z.output<typeof schema>> => {
    if (!Array.isArray(args) || args.length !== names.length) return invalidArgument(`This action ${countMessage}`);
    if (!withinArgumentLimits(args)) return invalidArgument(TOO_LARGE_MESSAGE);
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
