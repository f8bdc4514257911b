import "server-only";
import type { DefaultPolicy } from "@/lib/core/models";
import { ok, type Result } from "@/lib/core/result";
import { graphRequest, type GraphOptions } from "./client";
import { toDefaultPolicy } from "./mappers";
import { DEFAULT_POLICY_PATH } from "./paths";
import type { WirePartner } from "./wire-types";

/** What every null partner setting inherits. */
export async function getDefaultPolicy(token: string, options?: GraphOptions): Promise<Result<DefaultPolicy>> {
  const result = await graphRequest<WirePartner>({ token, method: "GET", path: DEFAULT_POLICY_PATH }, options);
  if (!result.ok) return result;
  return ok(toDefaultPolicy(result.data.body));
}
