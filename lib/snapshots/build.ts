/**
 * The one builder: what the reads returned, in, the snapshot document out. The browser's
 * "Export snapshot" and `npm run snapshot` both call it (through collectSnapshot), so the same
 * tenant gives the same document apart from its time.
 */
import type { AccessSettings, AccessTargetConfiguration, CrossTenantAccessSetting, DeletedPartner, DeletedSyncPolicy, Partner, SyncPolicy, TenantInformation } from "@/lib/core/models";
import { canonicalJson, sha256Hex } from "./canonical";
import {
  SCHEMA_ID,
  SCHEMA_VERSION,
  type SnapshotDeletedSyncPolicy,
  type SnapshotDocument,
  type SnapshotPartner,
  type SnapshotPolicyRoot,
  type SnapshotSyncPolicy,
  type SnapshotTenant,
} from "./schema";

export interface SnapshotReads {
  tenantId: string;
  takenDateTime: string;
  policyRoot: SnapshotPolicyRoot;
  defaultPolicy: AccessSettings;
  partners: readonly Partner[];
  deletedPartners: readonly DeletedPartner[];
  deletedSyncPolicies: readonly DeletedSyncPolicy[];
  tenants: readonly TenantInformation[];
}

const byTenant = <T extends { tenantId: string }>(items: readonly T[]): T[] => {
  const unique = new Map<string, T>();
  for (const item of items) unique.set(item.tenantId.toLowerCase(), item);
  return [...unique.values()].sort((a, b) => (a.tenantId < b.tenantId ? -1 : a.tenantId > b.tenantId ? 1 : 0));
};

function targetConfiguration(config: AccessTargetConfiguration | null): AccessTargetConfiguration | null {
  if (!config) return null;
  const targets = [...config.targets].sort((a, b) => `${a.targetType}\u0000${a.target}`.localeCompare(`${b.targetType}\u0000${b.target}`));
  return { accessType: config.accessType, targets: targets.map(({ target, targetType }) => ({ target, targetType })) };
}

function accessSetting(setting: CrossTenantAccessSetting | null): CrossTenantAccessSetting | null {
  return setting ? { usersAndGroups: targetConfiguration(setting.usersAndGroups), applications: targetConfiguration(setting.applications) } : null;
}

function accessSettings(settings: AccessSettings): AccessSettings {
  return {
    inboundTrust: settings.inboundTrust ? { ...settings.inboundTrust } : null,
    automaticUserConsentSettings: settings.automaticUserConsentSettings ? { ...settings.automaticUserConsentSettings } : null,
    b2bCollaborationInbound: accessSetting(settings.b2bCollaborationInbound),
    b2bCollaborationOutbound: accessSetting(settings.b2bCollaborationOutbound),
    b2bDirectConnectInbound: accessSetting(settings.b2bDirectConnectInbound),
    b2bDirectConnectOutbound: accessSetting(settings.b2bDirectConnectOutbound),
    tenantRestrictions: accessSetting(settings.tenantRestrictions),
  };
}

const inbound = (allowed: boolean | null) => (allowed === null ? null : { isSyncAllowed: allowed });

/** A live policy's deletedDateTime (left over from an earlier delete and restore) is history, not configuration: left out. */
function syncPolicy(policy: Omit<SyncPolicy, "tenantId" | "deletedDateTime">): SnapshotSyncPolicy {
  return {
    displayName: policy.displayName,
    userSyncInbound: inbound(policy.userSyncAllowed),
    groupSyncInbound: inbound(policy.groupSyncAllowed),
    externalCloudAuthorizedApplicationId: policy.externalCloudAuthorizedApplicationId,
  };
}

function partner(entry: Partner | DeletedPartner) {
  return {
    tenantId: entry.tenantId.toLowerCase(),
    isServiceProvider: entry.isServiceProvider,
    isInMultiTenantOrganization: entry.isInMultiTenantOrganization,
    ...accessSettings(entry),
  };
}

function deletedSyncPolicy(policy: DeletedSyncPolicy): SnapshotDeletedSyncPolicy {
  return { tenantId: policy.tenantId.toLowerCase(), ...syncPolicy(policy), deletedDateTime: policy.deletedDateTime };
}

function tenant(info: TenantInformation): SnapshotTenant {
  return { tenantId: info.tenantId.toLowerCase(), displayName: info.displayName, defaultDomainName: info.defaultDomainName };
}

/** The document without its seal: everything but sha256. */
export type UnsealedSnapshot = Omit<SnapshotDocument, "sha256">;

export function buildSnapshot(reads: SnapshotReads): UnsealedSnapshot {
  const partners: SnapshotPartner[] = byTenant(reads.partners).map((entry) => ({
    ...partner(entry),
    identitySynchronization: entry.syncPolicy ? syncPolicy(entry.syncPolicy) : null,
  }));
  // Names only for the tenants the document names.
  const named = new Set([...reads.partners, ...reads.deletedPartners, ...reads.deletedSyncPolicies].map((entry) => entry.tenantId.toLowerCase()));
  return {
    $schema: SCHEMA_ID,
    schemaVersion: SCHEMA_VERSION,
    tenantId: reads.tenantId.toLowerCase(),
    takenDateTime: reads.takenDateTime,
    crossTenantAccessPolicy: { displayName: reads.policyRoot.displayName, allowedCloudEndpoints: [...reads.policyRoot.allowedCloudEndpoints].sort() },
    defaultPolicy: accessSettings(reads.defaultPolicy),
    partners,
    deletedPartners: byTenant(reads.deletedPartners).map((entry) => ({ ...partner(entry), deletedDateTime: entry.deletedDateTime })),
    deletedSyncPolicies: byTenant(reads.deletedSyncPolicies).map(deletedSyncPolicy),
    tenants: byTenant(reads.tenants.filter((info) => named.has(info.tenantId.toLowerCase()))).map(tenant),
  };
}

/** What the seal covers: the configuration, not the time it was read. */
function sealedPart(document: UnsealedSnapshot | SnapshotDocument): string {
  const rest: Record<string, unknown> = { ...document };
  delete rest.takenDateTime;
  delete rest.sha256;
  return canonicalJson(rest);
}

export async function sealSnapshot(document: UnsealedSnapshot): Promise<SnapshotDocument> {
  return { ...document, sha256: await sha256Hex(sealedPart(document)) };
}

/** Whether the document is as it was exported: its seal matches its content. */
export async function isSealIntact(document: SnapshotDocument): Promise<boolean> {
  return (await sha256Hex(sealedPart(document))) === document.sha256;
}

/** The file's text: canonical JSON. */
export function snapshotText(document: SnapshotDocument): string {
  return canonicalJson(document);
}

export function snapshotFileName(document: Pick<SnapshotDocument, "takenDateTime">): string {
  return `cross-tenant-snapshot-${document.takenDateTime.replace(/[:.]/g, "-")}.json`;
}
