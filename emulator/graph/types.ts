/**
 * Shapes passed between the Graph dispatcher, the resource operations and $batch.
 */
import type { Store } from "../store";
import type { TenantDirectory } from "../tenants";
import type { Access, Principal } from "./auth";
import type { Parse, ParsedQuery, QueryShape } from "./odata";

export type GraphVersion = "beta" | "v1.0";

export interface GraphRequest {
  method: string;
  version: GraphVersion;
  /** Path below the version root, e.g. "/policies/crossTenantAccessPolicy/partners". */
  path: string;
  query: URLSearchParams;
  /** Parsed JSON body; undefined when none was sent. */
  body: unknown;
  /** Set when a body was sent but is not JSON. */
  bodyError?: string;
  authorization: string | undefined;
  /** The ConsistencyLevel header ($search and $count on directory objects need "eventual"). */
  consistencyLevel?: string;
  /** Origin the caller used (http://host:port), for nextLink and @odata.context. */
  baseUrl: string;
  requestId: string;
  clientRequestId: string;
}

export interface GraphResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
  /** The body already serialised (large lists build it from cached per-item JSON); used instead of `body`. */
  json?: string;
}

export interface OpInput {
  request: GraphRequest;
  query: ParsedQuery;
  /** Lower-cased tenant id from the path ("" for collections). */
  id: string;
  /** Validated body properties ({} when the operation takes none). */
  body: Record<string, unknown>;
  store: Store;
  tenants: TenantDirectory;
  /** Who is asking: the audit log records it. */
  principal: Principal;
  now: string;
}

export interface Operation {
  access: (query: ParsedQuery) => Access;
  /** Allowed query options; null means none. */
  shape: QueryShape | null;
  body?: (body: unknown, id: string) => Parse<Record<string, unknown>>;
  /** Reporting APIs share a tight per-client budget (see ReportsThrottle). */
  reportsThrottled?: boolean;
  /** Another budget of the same kind (provision on demand). */
  throttle?: "onDemand";
  /** A request-level refusal checked after the permission (a header Graph requires). */
  check?: (request: GraphRequest) => GraphResponse | null;
  run(input: OpInput): GraphResponse;
}

export function contextUrl(request: GraphRequest, fragment: string): string {
  return `${request.baseUrl}/${request.version}/$metadata#${fragment}`;
}
