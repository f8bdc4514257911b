/**
 * The loopback-only control API under /_emulator/: health, reset to seed,
 * fault injection, the clock, and extra deleted policies for bulk tests.
 * Browsers are kept out (CSRF, DNS rebinding) by the Origin, Sec-Fetch-Site,
 * Host and Content-Type checks in refusal().
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { DAY_MS, type Clock } from "./clock";
import { ACCOUNTS, findAccount } from "./entra/directory";
import { GROUP_MEMBERSHIP_CLAIMS, type Entra, type GroupMembershipClaims } from "./entra/oauth";
import type { ReportsThrottle } from "./graph/reports-throttle";
import { FAULT_LIMITS, type Faults, type FaultSettings } from "./faults";
import { headerValue, isLoopback, isLoopbackHost, mediaType, readBody, sendJson } from "./http";
import type { RequestLog } from "./request-log";
import type { Store } from "./store";
import { isGuid } from "./guid";
import { assignmentId } from "./outbound-seed";
import { companyId, ENTRY_ERROR_CODES, type SyncConfiguration } from "./outbound";

export interface ControlDeps {
  store: Store;
  faults: Faults;
  clock: Clock;
  entra: Entra;
  reports: ReportsThrottle;
  onDemand: ReportsThrottle;
  requests: RequestLog;
}

class ControlError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, message: string, code = "BadRequest") {
    super(message);
    this.status = status;
    this.code = code;
  }
}

const forbidden = (message: string) => new ControlError(403, message, "Forbidden");

/** Methods that may change state; GET and HEAD cannot. */
const needsJsonType = (method: string) => method !== "GET" && method !== "HEAD";

/**
 * Why a request may not use the control API, or null. A page in a browser can
 * reach loopback too: its requests carry Origin (or Sec-Fetch-Site), a rebound
 * DNS name shows in Host, and a JSON Content-Type cannot be sent cross-origin
 * without a preflight, which the control API never answers.
 */
function refusal(req: IncomingMessage): ControlError | null {
  if (!isLoopback(req.socket.remoteAddress)) return forbidden("The control API only answers on loopback.");
  if (req.headers.origin !== undefined) return forbidden("The control API refuses requests that carry an Origin header.");
  const site = headerValue(req, "sec-fetch-site")?.toLowerCase();
  if (site === "cross-site" || site === "same-site") return forbidden(`The control API refuses Sec-Fetch-Site: ${site} requests.`);
  if (!isLoopbackHost(req.headers.host)) {
    return forbidden("The control API only answers to Host localhost, 127.0.0.1 or [::1] (with an optional port).");
  }
  if (needsJsonType(req.method ?? "GET") && mediaType(req) !== "application/json") {
    return new ControlError(415, "Control requests other than GET must send Content-Type: application/json.", "UnsupportedMediaType");
  }
  return null;
}

const sendError = (res: ServerResponse, error: ControlError) =>
  sendJson(res, error.status, { error: { code: error.code, message: error.message } });

async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = (await readBody(req, 64 * 1024)).toString("utf8").trim();
  if (!text) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ControlError(400, "Body is not valid JSON.");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new ControlError(400, "Body must be a JSON object.");
  return value as Record<string, unknown>;
}

function num(body: Record<string, unknown>, name: string, min: number, max: number, integer = false): number | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    throw new ControlError(400, `'${name}' must be ${integer ? "an integer" : "a number"} between ${min} and ${max}.`);
  }
  return value;
}

function faultSetting(body: Record<string, unknown>, name: keyof FaultSettings): number | undefined {
  const { min, max, integer } = FAULT_LIMITS[name];
  return num(body, name, min, max, integer);
}

function parseFaultSettings(body: Record<string, unknown>): Partial<FaultSettings> {
  const unknown = Object.keys(body).find((k) => !Object.hasOwn(FAULT_LIMITS, k));
  if (unknown) throw new ControlError(400, `Unknown fault setting '${unknown}'.`);
  const patch: Partial<FaultSettings> = {};
  for (const name of Object.keys(FAULT_LIMITS) as (keyof FaultSettings)[]) {
    const value = faultSetting(body, name);
    if (value !== undefined) patch[name] = value;
  }
  return patch;
}

function consentState(entra: Entra) {
  return { consents: ACCOUNTS.map((a) => ({ username: a.username, scopes: entra.consentedScopes(a) })) };
}

export async function handleControl(deps: ControlDeps, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  const refused = refusal(req);
  if (refused) return sendError(res, refused);
  try {
    const result = await route(deps, req.method ?? "GET", path, req);
    sendJson(res, result.status ?? 200, result.body);
  } catch (error) {
    if (error instanceof ControlError) return sendError(res, error);
    throw error;
  }
}

function syncState(store: Store) {
  const outbound = store.outbound;
  return {
    configurations: outbound.state.configurations.map((c) => ({
      servicePrincipalId: c.id,
      displayName: c.displayName,
      targetTenantId: companyId(c),
      jobId: c.job?.id ?? null,
      scheduleState: c.job?.schedule.state ?? null,
      statusCode: c.job?.status.code ?? null,
      quarantineReason: c.job?.status.quarantine?.reason ?? null,
      nextRunAt: c.job?.nextRunAt ?? null,
      inScope: outbound.scope(c),
      synced: Object.keys(c.synced),
      held: c.held,
      entryErrors: c.entryErrors,
    })),
    partners: outbound.state.partnerInbound,
  };
}

function userIds(store: Store, body: Record<string, unknown>, name: string): string[] {
  const value = body[name];
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string" || !store.outbound.user(v.toLowerCase()))) {
    throw new ControlError(400, `'${name}' must be an array of user ids of the home tenant (GET /v1.0/users).`);
  }
  return (value as string[]).map((v) => v.toLowerCase());
}

/** /_emulator/sync/...: the partners' own inbound settings for us, who is in scope, a cycle now. */
async function routeSync(store: Store, clock: Clock, method: string, parts: string[], req: IncomingMessage): Promise<{ status?: number; body: unknown }> {
  const outbound = store.outbound;
  if (parts.length === 0 && method === "GET") return { body: syncState(store) };
  if (parts[0] === "partners" && parts.length === 2 && method === "PUT") {
    const tenantId = (parts[1] ?? "").toLowerCase();
    if (!isGuid(tenantId)) throw new ControlError(400, "The tenant id must be a GUID.");
    const body = await jsonBody(req);
    for (const name of ["isSyncAllowed", "inboundAllowed"]) {
      if (body[name] !== undefined && typeof body[name] !== "boolean") throw new ControlError(400, `'${name}' must be a boolean.`);
    }
    const unknown = Object.keys(body).find((k) => k !== "isSyncAllowed" && k !== "inboundAllowed");
    if (unknown) throw new ControlError(400, "Only 'isSyncAllowed' and 'inboundAllowed' can be set.");
    const current = outbound.inbound(tenantId);
    outbound.state.partnerInbound[tenantId] = {
      isSyncAllowed: (body.isSyncAllowed as boolean | undefined) ?? current.isSyncAllowed,
      inboundAllowed: (body.inboundAllowed as boolean | undefined) ?? current.inboundAllowed,
    };
    store.changed();
    store.flush();
    return { body: { tenantId, ...outbound.state.partnerInbound[tenantId] } };
  }
  if (parts[0] === "configurations" && parts.length === 3 && method === "POST") {
    const config: SyncConfiguration | undefined = outbound.configuration((parts[1] ?? "").toLowerCase());
    if (!config) throw new ControlError(404, "No sync configuration with that service principal id.", "NotFound");
    if (parts[2] === "scope") {
      const body = await jsonBody(req);
      const add = userIds(store, body, "add");
      const remove = new Set(userIds(store, body, "remove"));
      const changed = userIds(store, body, "changed");
      const errors = body.entryErrors ?? {};
      if (typeof errors !== "object" || errors === null || Array.isArray(errors)) throw new ControlError(400, "'entryErrors' must map user ids to a documented code or null.");
      const codes: readonly string[] = ENTRY_ERROR_CODES;
      for (const [id, code] of Object.entries(errors as Record<string, unknown>)) {
        if (!outbound.user(id.toLowerCase())) throw new ControlError(400, "'entryErrors' names a user the home tenant does not have.");
        if (code !== null && (typeof code !== "string" || !codes.includes(code))) throw new ControlError(400, `'entryErrors' codes: ${ENTRY_ERROR_CODES.join(", ")}, or null to clear.`);
        if (code === null) delete config.entryErrors[id.toLowerCase()];
        else config.entryErrors[id.toLowerCase()] = code as string;
      }
      const now = clock.nowIso();
      config.assignments = config.assignments.filter((a) => !remove.has(a.principalId));
      for (const principalId of add) {
        if (!config.assignments.some((a) => a.principalId === principalId)) config.assignments.push({ id: assignmentId(config.id, principalId), principalId, createdDateTime: now });
      }
      config.pendingUpdates.push(...changed);
      store.changed();
      store.flush();
      return { body: syncState(store).configurations.find((c) => c.servicePrincipalId === config.id) };
    }
    if (parts[2] === "cycle") {
      const job = config.job;
      if (!job || job.schedule.state !== "Active") throw new ControlError(409, "The job is not running (paused, disabled or never started): start it through Graph first.", "Conflict");
      outbound.runCycle(config, clock.now());
      outbound.sortLogs();
      store.changed();
      store.flush();
      return { body: job.status };
    }
  }
  return { status: 404, body: { error: { code: "NotFound", message: "No such control endpoint." } } };
}

async function route(
  { store, faults, clock, entra, reports, onDemand, requests }: ControlDeps,
  method: string,
  path: string,
  req: IncomingMessage,
): Promise<{ status?: number; body: unknown }> {
  const key = `${method} ${path.replace(/\/+$/, "")}`;
  const parts = path.replace(/\/+$/, "").split("/").slice(2);
  if (parts[0] === "sync") return routeSync(store, clock, method, parts.slice(1), req);
  switch (key) {
    case "GET /_emulator/health":
      return { body: { ok: true } };
    case "POST /_emulator/reset":
      store.reset();
      faults.reset();
      entra.clearSessions();
      entra.resetConsents();
      entra.setGroupMembershipClaims("DirectoryRole");
      reports.reset();
      onDemand.reset();
      requests.clear();
      return { body: { ok: true, now: clock.nowIso() } };
    case "GET /_emulator/consents":
      return { body: consentState(entra) };
    case "PUT /_emulator/consents": {
      const body = await jsonBody(req);
      const account = typeof body.username === "string" ? findAccount(body.username) : undefined;
      if (!account) throw new ControlError(400, "'username' must name a demo account.");
      const scopes = body.scopes;
      if (scopes !== null && (!Array.isArray(scopes) || scopes.some((s) => typeof s !== "string" || !/^[A-Za-z][\w.]*$/.test(s)))) {
        throw new ControlError(400, "'scopes' must be an array of Graph scope names (e.g. \"AuditLog.Read.All\"), or null for the initial consent.");
      }
      entra.setConsent(account, scopes as string[] | null);
      return { body: consentState(entra) };
    }
    case "DELETE /_emulator/consents":
      entra.resetConsents();
      return { body: consentState(entra) };
    case "GET /_emulator/app-registration":
      return { body: entra.appRegistration };
    case "PUT /_emulator/app-registration": {
      const value = (await jsonBody(req)).groupMembershipClaims;
      const allowed: readonly unknown[] = GROUP_MEMBERSHIP_CLAIMS;
      if (!allowed.includes(value)) throw new ControlError(400, `'groupMembershipClaims' must be one of ${GROUP_MEMBERSHIP_CLAIMS.join(", ")}.`);
      entra.setGroupMembershipClaims(value as GroupMembershipClaims);
      return { body: entra.appRegistration };
    }
    case "DELETE /_emulator/throttle":
      reports.reset();
      onDemand.reset();
      return { body: { ok: true } };
    case "GET /_emulator/requests":
      return { body: requests.describe() };
    case "DELETE /_emulator/requests":
      requests.clear();
      return { body: requests.describe() };
    case "GET /_emulator/faults":
      return { body: faults.describe() };
    case "PUT /_emulator/faults":
      faults.update(parseFaultSettings(await jsonBody(req)));
      return { body: faults.describe() };
    case "DELETE /_emulator/faults":
      faults.clear();
      return { body: faults.describe() };
    case "POST /_emulator/faults/fail-next": {
      const body = await jsonBody(req);
      const count = num(body, "count", 1, 1_000_000, true) ?? 1;
      const status = num(body, "status", 400, 599, true);
      if (status === undefined) throw new ControlError(400, "'status' is required (400..599).");
      if (typeof body.path !== "string" || !body.path) throw new ControlError(400, "'path' is required: a substring of the Graph path.");
      if (body.method !== undefined && typeof body.method !== "string") throw new ControlError(400, "'method' must be a string.");
      faults.failNext({
        count,
        status,
        path: body.path,
        method: typeof body.method === "string" ? body.method : null,
        retryAfterSeconds: faultSetting(body, "retryAfterSeconds") ?? null,
      });
      return { status: 201, body: faults.describe() };
    }
    case "GET /_emulator/clock":
      return { body: { now: clock.nowIso(), offsetMs: clock.offset } };
    case "POST /_emulator/clock": {
      const body = await jsonBody(req);
      const ms = (num(body, "advanceDays", 0, 3650) ?? 0) * DAY_MS + (num(body, "advanceMs", 0, 3650 * DAY_MS) ?? 0);
      clock.advance(ms);
      const purged = store.purgeExpired();
      // The offset moved even when nothing was purged, so write unconditionally.
      store.save();
      return { body: { now: clock.nowIso(), offsetMs: clock.offset, purged } };
    }
    case "POST /_emulator/seed-deleted": {
      const count = num(await jsonBody(req), "count", 1, 1000, true);
      if (count === undefined) throw new ControlError(400, "'count' is required (1..1000).");
      const added = store.seedDeleted(count);
      store.flush();
      return { status: 201, body: { tenantIds: added.map((a) => a.tenantId), partners: added } };
    }
    default:
      return { status: 404, body: { error: { code: "NotFound", message: `No control endpoint '${key}'.` } } };
  }
}
