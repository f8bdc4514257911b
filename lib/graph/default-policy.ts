import "server-only";
import type { DefaultPolicy } from "@/lib/core/models";
import { ok, type Result } from "@/lib/core/result";
import { graphRequest, type GraphOptions } from "./client";
import { toDefaultPolicy } from "./mappers";
import { DEFAULT_POLICY_PATH, POLICY_ROOT_PATH } from "./paths";
import type { WirePartner } from "./wire-types";

/** What every null partner setting inherits. */
export async function getDefaultPolicy(token: string, options?: GraphOptions): Promise<Result<DefaultPolicy>> {
  const result = await graphRequest<WirePartner>({ token, method: "GET", path: DEFAULT_POLICY_PATH }, options);
  if (!result.ok) return result;
  return ok(toDefaultPolicy(result.data.body));
}

/** crossTenantAccessPolicy itself: its name and the other Microsoft clouds the tenant may collaborate with. */
export interface AccessPolicyRoot {
  displayName: string | null;
  allowedCloudEndpoints: string[];
}

export async function getAccessPolicyRoot(token: string, options?: GraphOptions): Promise<Result<AccessPolicyRoot>> {
  const result = await graphRequest<{ displayName?: unknown; allowedCloudEndpoints?: unknown }>({ token, method: "GET", path: POLICY_ROOT_PATH, query: { $select: "displayName,allowedCloudEndpoints" } }, options);
  if (!result.ok) return result;
  const body = result.data.body ?? {};
  const endpoints = Array.isArray(body.allowedCloudEndpoints) ? body.allowedCloudEndpoints.filter((value): value is string => typeof value === "string") : [];
  return ok({ displayName: typeof body.displayName === "string" ? body.displayName : null, allowedCloudEndpoints: endpoints });
}
