/**
 * What every Graph write leaves in the directory audit log: who (the token's
 * user or app), what (activity, old and new values), on which partner.
 */
import { appInitiator, auditEntry, modifiedProperties, userInitiator, type AuditActivity, type Initiator } from "../audit";
import { isGuid } from "../guid";
import type { Principal } from "./auth";
import type { OpInput } from "./types";

function initiator(principal: Principal): Initiator {
  return principal.kind === "user"
    ? userInitiator(principal.oid, principal.displayName, principal.userPrincipalName)
    : appInitiator(principal.appId, principal.displayName, principal.oid);
}

/** Appends one entry; `before`/`after` null mean the object was created or removed. */
export function recordChange(
  input: OpInput,
  activity: AuditActivity,
  target: { id: string; name?: string | null },
  before: object | null,
  after: object | null,
  properties: readonly string[],
): void {
  const { request, tenants } = input;
  input.store.appendAudit(
    auditEntry({
      activity,
      initiatedBy: initiator(input.principal),
      targetId: target.id,
      targetName: target.name !== undefined ? target.name : (tenants.findByTenantId(target.id)?.displayName ?? null),
      modified: modifiedProperties(before as Record<string, unknown> | null, after as Record<string, unknown> | null, properties),
      at: input.now,
      // A caller's client-request-id ties its own logs to the entry, as Entra's correlationId does.
      correlationId: isGuid(request.clientRequestId) ? request.clientRequestId.toLowerCase() : request.requestId,
    }),
  );
}
