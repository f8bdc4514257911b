import "server-only";
import type { AuditActor, AuditEntry, AuditPropertyChange, AuditTarget } from "@/lib/audit/types";
import { isTenantWide } from "@/lib/audit/activities";
import { isTenantId } from "@/lib/core/tenant-id";
import { parseAuditValue } from "@/lib/audit/values";
import { isRecordValue, nonEmptyString as text } from "./errors";

type Maybe<T> = T | null | undefined;

/** directoryAudit as it arrives; every field may be missing. */
export interface WireDirectoryAudit {
  id?: Maybe<string>;
  category?: Maybe<string>;
  activityDisplayName?: Maybe<string>;
  activityDateTime?: Maybe<string>;
  loggedByService?: Maybe<string>;
  operationType?: Maybe<string>;
  result?: Maybe<string>;
  resultReason?: Maybe<string>;
  correlationId?: Maybe<string>;
  initiatedBy?: Maybe<{
    user?: Maybe<{ id?: Maybe<string>; userPrincipalName?: Maybe<string>; displayName?: Maybe<string> }>;
    app?: Maybe<{ appId?: Maybe<string>; displayName?: Maybe<string>; servicePrincipalId?: Maybe<string> }>;
  }>;
  targetResources?: Maybe<
    {
      id?: Maybe<string>;
      displayName?: Maybe<string>;
      type?: Maybe<string>;
      modifiedProperties?: Maybe<{ displayName?: Maybe<string>; oldValue?: Maybe<string>; newValue?: Maybe<string> }[]>;
    }[]
  >;
}

const NOT_A_PARTNER_TYPE = /^(user|group|application|serviceprincipal|device)$/i;

function toActor(wire: WireDirectoryAudit["initiatedBy"]): AuditActor {
  const user = wire?.user;
  if (user && (text(user.id) || text(user.userPrincipalName) || text(user.displayName))) {
    return { kind: "user", id: text(user.id), userPrincipalName: text(user.userPrincipalName), displayName: text(user.displayName) };
  }
  const app = wire?.app;
  if (app && (text(app.appId) || text(app.displayName))) return { kind: "app", appId: text(app.appId), displayName: text(app.displayName) };
  return { kind: "unknown" };
}

function toTargets(wire: WireDirectoryAudit["targetResources"]): AuditTarget[] {
  if (!Array.isArray(wire)) return [];
  return wire.filter(isRecordValue).map((target) => ({
    id: text(target.id),
    displayName: text(target.displayName),
    type: text(target.type),
    changes: (Array.isArray(target.modifiedProperties) ? target.modifiedProperties : []).filter(isRecordValue).map(
      (property): AuditPropertyChange => ({
        property: text(property.displayName) ?? "",
        oldValue: typeof property.oldValue === "string" ? property.oldValue : null,
        newValue: typeof property.newValue === "string" ? property.newValue : null,
      }),
    ),
  }));
}

function guidIn(value: unknown): string | null {
  return typeof value === "string" && isTenantId(value.trim()) ? value.trim().toLowerCase() : null;
}

/** A tenantId inside a modified property: the property itself (`TenantId`, `PartnerTenantId`) or a `tenantId` key in its JSON value. */
function tenantIdInChanges(changes: AuditPropertyChange[]): string | null {
  for (const change of changes) {
    for (const side of [change.newValue, change.oldValue]) {
      const value = parseAuditValue(side);
      if (/tenantid$/i.test(change.property)) {
        const direct = guidIn(value);
        if (direct) return direct;
      }
      if (isRecordValue(value)) {
        const nested = guidIn(value.tenantId) ?? guidIn(value.TenantId) ?? guidIn(value.partnerTenantId);
        if (nested) return nested;
      }
    }
  }
  return null;
}

/**
 * Where the partner's tenant id sits is not documented for these events: a modified
 * tenantId property wins, then a target whose id is a GUID and that is not a user or app.
 */
export function partnerTenantIdOf(targets: AuditTarget[]): string | null {
  const fromChanges = tenantIdInChanges(targets.flatMap((target) => target.changes));
  if (fromChanges) return fromChanges;
  for (const target of targets) {
    if (target.type && NOT_A_PARTNER_TYPE.test(target.type)) continue;
    const id = guidIn(target.id);
    if (id) return id;
  }
  return null;
}

function partnerNameOf(targets: AuditTarget[], partnerTenantId: string | null): string | null {
  if (!partnerTenantId) return null;
  const target = targets.find((candidate) => candidate.id?.toLowerCase() === partnerTenantId) ?? (targets.length === 1 ? targets[0] : undefined);
  return target?.displayName ?? null;
}

export function toAuditEntry(wire: WireDirectoryAudit): AuditEntry {
  const targets = toTargets(wire.targetResources);
  const activityDateTime = text(wire.activityDateTime);
  const category = text(wire.category) ?? "";
  const activity = text(wire.activityDisplayName) ?? "";
  // The default policy's entries target the home tenant itself, not a partner.
  const partnerTenantId = isTenantWide(category, activity) ? null : partnerTenantIdOf(targets);
  return {
    id: text(wire.id) ?? "",
    activity,
    category,
    activityDateTime: activityDateTime && !Number.isNaN(Date.parse(activityDateTime)) ? activityDateTime : "",
    operationType: text(wire.operationType),
    result: text(wire.result),
    resultReason: text(wire.resultReason),
    correlationId: text(wire.correlationId),
    actor: toActor(wire.initiatedBy),
    partnerTenantId,
    partnerName: partnerNameOf(targets, partnerTenantId),
    targets,
    // Only ever read (shown as JSON), and the wire object is this answer's own: no deep copy.
    raw: { ...wire },
  };
}
