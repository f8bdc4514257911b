/**
 * A few weeks of plausible audit history for the seeded tenant: who added the
 * partners and created each live policy, who deleted each policy now in deleted
 * items, and one flip from allowed to blocked. Times are relative to the clock
 * at seeding, like the rest of the seed, and all fall inside the 30-day retention.
 */
import {
  appInitiator,
  auditEntry,
  AUDITED_PARTNER_PROPERTIES,
  AUDITED_SYNC_PROPERTIES,
  modifiedProperties,
  userInitiator,
  type AuditChange,
  type AuditEntry,
  type Initiator,
} from "./audit";
import { DAY_MS } from "./clock";
import { ACCOUNTS, AUTOMATION_CLIENT_ID, AUTOMATION_CLIENT_NAME, AUTOMATION_SERVICE_PRINCIPAL_ID } from "./entra/directory";
import { emptyPartner } from "./model";
import { bulkPartnerName, bulkPartnerTenantId, SEED_DELETED_PARTNERS, SEED_PARTNERS, type SeedPartner } from "./seed";

const adele = ACCOUNTS[0] as (typeof ACCOUNTS)[number];
const ADELE = userInitiator(adele.oid, adele.displayName, adele.username);
/** A Global Administrator who never signs in to the dashboard, but changed settings in the admin center. */
export const GABRIELA = userInitiator("d0f6b4c3-85a7-4e1b-ac9d-3f4a5b6c7d8e", "Gabriela Global", "gabriela@contoso.example");
export const AUTOMATION = appInitiator(AUTOMATION_CLIENT_ID, AUTOMATION_CLIENT_NAME, AUTOMATION_SERVICE_PRINCIPAL_ID);

interface Plan {
  addedDaysAgo?: number;
  createdDaysAgo?: number;
  createdBy?: Initiator;
  deletedBy?: Initiator;
  flip?: { daysAgo: number; by: Initiator };
  /** A live policy restored from deleted items (its deletion is older than the retention). */
  restored?: { daysAgo: number; by: Initiator };
  partnerUpdate?: { daysAgo: number; by: Initiator; property: string; to: unknown };
}

const PLANS: Record<string, Plan> = {
  "9c5d131d-b1c3-4fc4-9e3f-c6557947d551": { addedDaysAgo: 27.9, createdDaysAgo: 27.8, createdBy: ADELE },
  "2b7e4f10-6c3a-4d8e-9f21-5a6b7c8d9e01": { createdDaysAgo: 26.5, createdBy: AUTOMATION },
  "4e1d2c3b-8a9f-4b7e-a6d5-c4b3a2918f70": { createdDaysAgo: 26.4, createdBy: AUTOMATION },
  // Tailspin Toys: restored after an old deletion, then the "who turned it off?" case.
  "6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d": { restored: { daysAgo: 27, by: ADELE }, flip: { daysAgo: 3.2, by: GABRIELA } },
  "8f7e6d5c-4b3a-4291-8877-665544332211": { createdDaysAgo: 21, createdBy: GABRIELA },
  "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d": { addedDaysAgo: 22.1, createdDaysAgo: 22, createdBy: ADELE },
  "c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6a": { addedDaysAgo: 12.1, createdDaysAgo: 12, createdBy: ADELE },
  "d5e6f7a8-b9c0-4d1e-8f2a-3b4c5d6e7f80": { partnerUpdate: { daysAgo: 9, by: ADELE, property: "isServiceProvider", to: true } },
  "e7f8a9b0-c1d2-4e3f-9a4b-5c6d7e8f9a0b": {
    partnerUpdate: {
      daysAgo: 16,
      by: GABRIELA,
      property: "b2bCollaborationInbound",
      to: {
        usersAndGroups: { accessType: "blocked", targets: [{ target: "AllUsers", targetType: "user" }] },
        applications: { accessType: "blocked", targets: [{ target: "AllApplications", targetType: "application" }] },
      },
    },
  },
  "0f1e2d3c-4b5a-4697-8877-a6b5c4d3e2f1": { createdBy: ADELE, deletedBy: ADELE },
  "13579bdf-2468-4ace-9bdf-13579bdf2468": { createdBy: ADELE, deletedBy: GABRIELA },
  "24680ace-1357-4bdf-8ace-24680ace1357": { createdBy: AUTOMATION, deletedBy: AUTOMATION },
  "3c4d5e6f-7a8b-4c9d-a0e1-f2a3b4c5d6e7": { createdBy: GABRIELA, deletedBy: ADELE },
  "5e6f7a8b-9c0d-4e1f-b2a3-c4d5e6f7a8b9": { createdBy: ADELE, deletedBy: GABRIELA },
  "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d": { createdBy: ADELE, deletedBy: ADELE },
};

const daysAgo = (now: number, days: number) => new Date(now - days * DAY_MS).toISOString();

function seedChanges(seed: SeedPartner, plan: Plan, now: number): AuditChange[] {
  const tenantId = seed.partner.tenantId;
  const base = { targetId: tenantId, targetName: seed.tenant.displayName };
  const changes: AuditChange[] = [];
  const partner = { ...emptyPartner(tenantId), ...seed.partner };
  if (plan.addedDaysAgo !== undefined) {
    changes.push({ ...base, activity: "partnerAdd", initiatedBy: plan.createdBy ?? ADELE, at: daysAgo(now, plan.addedDaysAgo), modified: modifiedProperties(null, { tenantId }, ["tenantId"]) });
    if (partner.automaticUserConsentSettings) {
      changes.push({
        ...base,
        activity: "partnerUpdate",
        initiatedBy: plan.createdBy ?? ADELE,
        at: daysAgo(now, plan.addedDaysAgo - 0.05),
        modified: modifiedProperties({ automaticUserConsentSettings: null }, partner, ["automaticUserConsentSettings"]),
      });
    }
  }
  const live = seed.syncPolicy;
  const deleted = seed.deletedSyncPolicy;
  const policy = live ?? deleted;
  if (policy && plan.createdBy) {
    // A deleted policy was created a day and a half before its deletion (inside retention).
    const created = plan.createdDaysAgo ?? Math.min(29.9, (deleted?.deletedDaysAgo ?? 0) + 1.5);
    const initial = { tenantId, displayName: policy.displayName ?? seed.tenant.displayName, userSyncInbound: policy.userSyncInbound ?? { isSyncAllowed: true }, groupSyncInbound: policy.groupSyncInbound ?? null };
    changes.push({ ...base, activity: "syncCreate", initiatedBy: plan.createdBy, at: daysAgo(now, created), modified: modifiedProperties(null, initial, AUDITED_SYNC_PROPERTIES) });
    if (deleted && plan.deletedBy) {
      const { deletedDaysAgo: _, ...settings } = deleted;
      changes.push({
        ...base,
        activity: "syncDelete",
        initiatedBy: plan.deletedBy,
        at: daysAgo(now, deleted.deletedDaysAgo),
        modified: modifiedProperties({ tenantId, ...settings, groupSyncInbound: settings.groupSyncInbound ?? null }, null, AUDITED_SYNC_PROPERTIES),
      });
    }
  }
  if (plan.restored && live) {
    const restored = { tenantId, displayName: live.displayName, userSyncInbound: { isSyncAllowed: true }, groupSyncInbound: live.groupSyncInbound ?? null };
    changes.push({ ...base, activity: "syncRestore", initiatedBy: plan.restored.by, at: daysAgo(now, plan.restored.daysAgo), modified: modifiedProperties(null, restored, AUDITED_SYNC_PROPERTIES) });
  }
  if (plan.flip) {
    changes.push({
      ...base,
      activity: "syncUpdate",
      initiatedBy: plan.flip.by,
      at: daysAgo(now, plan.flip.daysAgo),
      modified: modifiedProperties({ userSyncInbound: { isSyncAllowed: true } }, { userSyncInbound: { isSyncAllowed: false } }, ["userSyncInbound"]),
    });
  }
  if (plan.partnerUpdate) {
    const { property, to, by } = plan.partnerUpdate;
    changes.push({ ...base, activity: "partnerUpdate", initiatedBy: by, at: daysAgo(now, plan.partnerUpdate.daysAgo), modified: modifiedProperties({ [property]: null }, { [property]: to }, [property]) });
  }
  return changes;
}

function seedAuditHistory(now: number): AuditEntry[] {
  const changes: AuditChange[] = [];
  for (const seed of SEED_PARTNERS) {
    const plan = PLANS[seed.partner.tenantId];
    if (plan) changes.push(...seedChanges(seed, plan, now));
  }
  for (const seed of SEED_DELETED_PARTNERS) {
    const base = { targetId: seed.partner.tenantId, targetName: seed.tenant.displayName };
    const partner = { ...emptyPartner(seed.partner.tenantId), ...seed.partner };
    changes.push({ ...base, activity: "partnerAdd", initiatedBy: ADELE, at: daysAgo(now, 20), modified: modifiedProperties(null, { tenantId: partner.tenantId }, ["tenantId"]) });
    changes.push({ ...base, activity: "partnerDelete", initiatedBy: ADELE, at: daysAgo(now, seed.deletedDaysAgo), modified: modifiedProperties(partner, null, AUDITED_PARTNER_PROPERTIES) });
  }
  return changes
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((change, i) => auditEntry({ ...change, idSeed: `emulator-audit-${i}-${change.activity}-${change.targetId}` }));
}

/** The deletion entry of a bulk partner's sync policy (EMULATOR_DELETED, seed-deleted): the automation client did it. */
export function bulkDeletionEntry(index: number, at: string): AuditEntry {
  const tenantId = bulkPartnerTenantId(index);
  const name = bulkPartnerName(index);
  return auditEntry({
    activity: "syncDelete",
    initiatedBy: AUTOMATION,
    targetId: tenantId,
    targetName: name,
    at,
    modified: modifiedProperties({ tenantId, displayName: name, userSyncInbound: { isSyncAllowed: true } }, null, AUDITED_SYNC_PROPERTIES),
  });
}

/** The whole seeded history: the named tenants plus one deletion per bulk partner (EMULATOR_DELETED). */
export function seedAudit(now: number, bulkDeleted: number): AuditEntry[] {
  const entries = seedAuditHistory(now);
  // Bulk policies were deleted 3 days ago, like their deletedDateTime says.
  for (let i = 1; i <= bulkDeleted; i++) entries.push(bulkDeletionEntry(i, daysAgo(now, 3)));
  return entries.sort((a, b) => a.activityDateTime.localeCompare(b.activityDateTime));
}
