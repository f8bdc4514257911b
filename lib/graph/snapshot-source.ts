import "server-only";
/**
 * The snapshot's reads straight from lib/graph, for `npm run snapshot` and the bench: the same
 * functions the server actions stream to the browser, so both build the same document.
 */
import type { AppError, Result } from "@/lib/core/result";
import type { ListRead, SnapshotSource } from "@/lib/snapshots/collect";
import type { GraphOptions } from "./client";
import { getAccessPolicyRoot, getDefaultPolicy } from "./default-policy";
import { listDeletedPartners, listPartnerConfigurations } from "./partners";
import { listDeletedSyncPolicies } from "./sync-policies";
import { findTenantInformationInBatches } from "./tenant-information";

export class SnapshotReadError extends Error {
  constructor(readonly appError: AppError) {
    super(`${appError.message}${appError.requestId ? ` (request-id ${appError.requestId})` : ""}`);
    this.name = "SnapshotReadError";
  }
}

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new SnapshotReadError(result.error);
  return result.data;
}

const drained =
  <T>(open: () => AsyncIterable<Result<T>>) =>
  async (onPart: (part: T) => void): Promise<void> => {
    for await (const part of open()) onPart(unwrap(part));
  };

export function graphSnapshotSource(token: string, tenantId: string, options: GraphOptions = {}, now: () => Date = () => new Date()): SnapshotSource {
  const list = <T>(open: () => AsyncIterable<Result<T[]>>): ListRead<T> => drained(open);
  return {
    tenantId,
    now,
    policyRoot: async () => unwrap(await getAccessPolicyRoot(token, options)),
    defaultPolicy: async () => unwrap(await getDefaultPolicy(token, options)),
    partners: list(() => listPartnerConfigurations(token, options)),
    deletedPartners: list(() => listDeletedPartners(token, options)),
    deletedSyncPolicies: list(() => listDeletedSyncPolicies(token, options)),
    tenants: (tenantIds, onPart) => drained(() => findTenantInformationInBatches(token, tenantIds, options))(onPart),
  };
}
