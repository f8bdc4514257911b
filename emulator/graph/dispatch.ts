/**
 * Runs one Graph request (top-level or a $batch item) through Graph's order of
 * checks: injected fault, token (401), request shape (400/405), permission
 * (403), then the operation itself (404/409/2xx).
 */
import type { Clock } from "../clock";
import type { Faults } from "../faults";
import type { Store } from "../store";
import type { TenantDirectory } from "../tenants";
import type { ReportsThrottle } from "./reports-throttle";
import { authenticate, deniedMessage, isAllowed, type TokenCheck } from "./auth";
import { badRequest, denied, faultResponse, graphError } from "./errors";
import { emptyQuery, parseQuery } from "./odata";
import { resolveRoute } from "./routes";
import type { GraphRequest, GraphResponse } from "./types";

export interface GraphEnv {
  store: Store;
  tenants: TenantDirectory;
  reports: ReportsThrottle;
  /** provisionOnDemand: 5 requests per 10 s per app and job. */
  onDemand: ReportsThrottle;
  clock: Clock;
  faults: Faults;
  tokenCheck: TokenCheck;
}

const NO_QUERY = emptyQuery();

/** The forms a fail-next rule's path substring is matched against. */
export function faultPaths(request: GraphRequest): string[] {
  return [`/${request.version}${request.path}`, request.path];
}

export function unauthorized(request: GraphRequest, message: string, authorizationUri = "https://login.microsoftonline.com/common/oauth2/authorize"): GraphResponse {
  return graphError(request, 401, "InvalidAuthenticationToken", message, {
    "WWW-Authenticate": `Bearer realm="", authorization_uri="${authorizationUri}", client_id="00000003-0000-0000-c000-000000000000"`,
  });
}

export async function executeGraph(env: GraphEnv, request: GraphRequest): Promise<GraphResponse> {
  const fault = env.faults.pick(request.method, faultPaths(request));
  if (fault) return faultResponse(request, fault.status, fault.retryAfterSeconds);

  const auth = await authenticate(request.authorization, env.tokenCheck);
  if (!auth.ok) return unauthorized(request, auth.message);

  if (request.bodyError) return badRequest(request, request.bodyError);
  const route = resolveRoute(request);
  if (!route.ok) return route.response;
  const op = route.methods[request.method];
  if (!op) {
    return graphError(request, 405, "Request_BadRequest", `The HTTP method '${request.method}' is not allowed on this resource. Allowed: ${Object.keys(route.methods).join(", ")}.`);
  }

  let query = NO_QUERY;
  if (op.shape) {
    const parsed = parseQuery(request.query, op.shape);
    if (!parsed.ok) return badRequest(request, parsed.message);
    query = parsed.value;
  } else {
    const option = [...request.query.keys()].find((k) => k.startsWith("$"));
    if (option) return badRequest(request, `Query option '${option}' is not allowed on this request.`);
  }

  let body: Record<string, unknown> = {};
  if (op.body) {
    const parsed = op.body(request.body, route.id);
    if (!parsed.ok) return badRequest(request, parsed.message);
    body = parsed.value;
  }

  const access = op.access(query);
  if (!isAllowed(auth.principal, access)) return denied(request, deniedMessage(access));
  if (op.check) {
    const refused = op.check(request);
    if (refused) return refused;
  }

  const throttle = op.reportsThrottled ? env.reports : op.throttle ? env[op.throttle] : null;
  if (throttle) {
    const wait = throttle.admit(op.throttle === "onDemand" ? `${auth.principal.appId}|${route.id}` : auth.principal.appId, env.clock.now());
    if (wait !== null) {
      const what = op.throttle === "onDemand" ? "provision on demand (5 requests per 10 seconds)" : "the reporting API";
      return graphError(request, 429, "TooManyRequests", `Too many requests to ${what}. Retry after the time in the Retry-After header.`, { "Retry-After": String(wait) });
    }
  }

  env.store.purgeExpired();
  return op.run({ request, query, id: route.id, body, store: env.store, tenants: env.tenants, principal: auth.principal, now: env.clock.nowIso() });
}
