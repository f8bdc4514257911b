/**
 * The deterministic default tenant: partners, live and deleted sync policies,
 * plus the generators behind EMULATOR_PARTNERS, EMULATOR_DELETED and
 * POST /_emulator/seed-deleted. Dates are relative to the clock at seeding time,
 * so a demo looks the same whichever day it starts. The dashboard's e2e tests
 * assert against these names and ids: keep them stable (README lists them).
 */
import type { AuditEntry } from "./audit";
import type { OutboundState } from "./outbound";
import { DAY_MS } from "./clock";
import { deterministicGuid } from "./guid";
import {
  emptyPartner,
  emptySyncPolicy,
  serviceAccessPolicy,
  serviceDefaultPolicy,
  type CrossTenantAccessSetting,
  type AccessPolicyRecord,
  type DefaultPolicyRecord,
  type PartnerRecord,
  type SyncPolicyRecord,
} from "./model";

export const MAX_PARTNERS = 10_000;

export type SeedSyncState = "allowed" | "blocked" | "no-policy" | "deleted";

export interface SeedSyncPolicy {
  displayName: string | null;
  userSyncInbound: { isSyncAllowed: boolean } | null;
  groupSyncInbound?: { isSyncAllowed: boolean } | null;
  /** Set on a live policy that was deleted and restored before (deletedDateTime survives a restore). */
  lastDeletedDaysAgo?: number;
}

/** The partner's entry in the directory of external tenants (tenant information), keyed by the partner's tenantId. */
export interface SeedTenant {
  displayName: string;
  defaultDomainName: string;
  federationBrandName: string | null;
  /** Further verified domains findTenantInformationByDomainName also resolves. */
  domains: string[];
}

function tenant(displayName: string, defaultDomainName: string, more: Partial<Omit<SeedTenant, "displayName" | "defaultDomainName">> = {}): SeedTenant {
  return { displayName, defaultDomainName, federationBrandName: null, domains: [], ...more };
}

export interface SeedPartner {
  tenant: SeedTenant;
  partner: Partial<PartnerRecord> & { tenantId: string };
  /** Live policy (allowed / blocked) */
  syncPolicy?: SeedSyncPolicy;
  /** Policy sitting in deletedItems/crossTenantSyncPolicyPartners */
  deletedSyncPolicy?: SeedSyncPolicy & { deletedDaysAgo: number };
}

const allowAll: CrossTenantAccessSetting = {
  usersAndGroups: { accessType: "allowed", targets: [{ target: "AllUsers", targetType: "user" }] },
  applications: { accessType: "allowed", targets: [{ target: "AllApplications", targetType: "application" }] },
};

const blockAll: CrossTenantAccessSetting = {
  usersAndGroups: { accessType: "blocked", targets: [{ target: "AllUsers", targetType: "user" }] },
  applications: { accessType: "blocked", targets: [{ target: "AllApplications", targetType: "application" }] },
};

const syncReady = {
  automaticUserConsentSettings: { inboundAllowed: true, outboundAllowed: false },
  inboundTrust: { isMfaAccepted: true, isCompliantDeviceAccepted: false, isHybridAzureADJoinedDeviceAccepted: false },
};

/** Partners our own sync configurations push users to (outbound-seed.ts): outbound automatic redemption on as well. */
const syncBothWays = { ...syncReady, automaticUserConsentSettings: { inboundAllowed: true, outboundAllowed: true } };

export const MICROSOFT_SUPPORT_TENANT_ID = "b4c546a4-7dac-46a6-a7dd-ed822a11efd3";
export const FABRIKAM_TENANT_ID = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551";

export const SEED_PARTNERS: readonly SeedPartner[] = [
  {
    tenant: tenant("Fabrikam", "fabrikam.onmicrosoft.com", { federationBrandName: "Fabrikam", domains: ["fabrikam.com"] }),
    partner: { tenantId: FABRIKAM_TENANT_ID, ...syncBothWays, b2bCollaborationInbound: allowAll },
    syncPolicy: { displayName: "Fabrikam", userSyncInbound: { isSyncAllowed: true } },
  },
  {
    // Added by a support case.
    tenant: tenant("Microsoft Support", "mssupport.onmicrosoft.com"),
    partner: {
      tenantId: MICROSOFT_SUPPORT_TENANT_ID,
      inboundTrust: { isMfaAccepted: true, isCompliantDeviceAccepted: false, isHybridAzureADJoinedDeviceAccepted: false },
    },
  },
  {
    tenant: tenant("Northwind Traders", "northwindtraders.onmicrosoft.com"),
    partner: {
      tenantId: "2b7e4f10-6c3a-4d8e-9f21-5a6b7c8d9e01",
      isInMultiTenantOrganization: true,
      // Outbound automatic redemption off: our sync configuration to Northwind Traders is quarantined for it (outbound-seed.ts).
      ...syncReady,
    },
    syncPolicy: {
      displayName: "Northwind Traders",
      userSyncInbound: { isSyncAllowed: true },
      groupSyncInbound: { isSyncAllowed: true },
    },
  },
  {
    tenant: tenant("Alpine Ski House", "alpineskihouse.onmicrosoft.com"),
    partner: {
      tenantId: "4e1d2c3b-8a9f-4b7e-a6d5-c4b3a2918f70",
      isInMultiTenantOrganization: true,
      ...syncBothWays,
    },
    syncPolicy: { displayName: "Alpine Ski House", userSyncInbound: { isSyncAllowed: true } },
  },
  {
    tenant: tenant("Tailspin Toys", "tailspintoys.onmicrosoft.com"),
    partner: { tenantId: "6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d", ...syncReady },
    syncPolicy: { displayName: "Tailspin Toys", userSyncInbound: { isSyncAllowed: false }, lastDeletedDaysAgo: 45 },
  },
  {
    tenant: tenant("Adatum Corporation", "adatum.onmicrosoft.com"),
    partner: { tenantId: "8f7e6d5c-4b3a-4291-8877-665544332211", ...syncReady },
    syncPolicy: { displayName: "Adatum Corporation", userSyncInbound: { isSyncAllowed: true } },
  },
  {
    tenant: tenant("Litware, Inc.", "litware.onmicrosoft.com"),
    partner: { tenantId: "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d", ...syncBothWays },
    syncPolicy: { displayName: null, userSyncInbound: { isSyncAllowed: true } },
  },
  {
    tenant: tenant("Proseware, Inc.", "proseware.onmicrosoft.com", { domains: ["proseware.com"] }),
    partner: { tenantId: "c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6a", ...syncReady },
    syncPolicy: { displayName: "Proseware, Inc.", userSyncInbound: { isSyncAllowed: false } },
  },
  {
    tenant: tenant("Woodgrove Bank", "woodgrovebank.onmicrosoft.com"),
    partner: {
      tenantId: "d5e6f7a8-b9c0-4d1e-8f2a-3b4c5d6e7f80",
      isServiceProvider: true,
      b2bDirectConnectInbound: allowAll,
      b2bDirectConnectOutbound: allowAll,
    },
  },
  {
    tenant: tenant("Wide World Importers", "wideworldimporters.onmicrosoft.com"),
    partner: {
      tenantId: "e7f8a9b0-c1d2-4e3f-9a4b-5c6d7e8f9a0b",
      b2bCollaborationInbound: blockAll,
      tenantRestrictions: blockAll,
    },
  },
  {
    tenant: tenant("Coho Winery", "cohowinery.onmicrosoft.com"),
    partner: { tenantId: "0f1e2d3c-4b5a-4697-8877-a6b5c4d3e2f1", ...syncReady },
    deletedSyncPolicy: { displayName: "Coho Winery", userSyncInbound: { isSyncAllowed: true }, deletedDaysAgo: 29 },
  },
  {
    tenant: tenant("Trey Research", "treyresearch.onmicrosoft.com"),
    partner: { tenantId: "13579bdf-2468-4ace-9bdf-13579bdf2468", ...syncReady },
    deletedSyncPolicy: { displayName: null, userSyncInbound: null, deletedDaysAgo: 28 },
  },
  {
    tenant: tenant("Lucerne Publishing", "lucernepublishing.onmicrosoft.com"),
    partner: { tenantId: "24680ace-1357-4bdf-8ace-24680ace1357", ...syncReady },
    deletedSyncPolicy: { displayName: "Lucerne Publishing", userSyncInbound: { isSyncAllowed: true }, deletedDaysAgo: 25 },
  },
  {
    tenant: tenant("Margie's Travel", "margiestravel.onmicrosoft.com"),
    partner: { tenantId: "3c4d5e6f-7a8b-4c9d-a0e1-f2a3b4c5d6e7", ...syncReady },
    deletedSyncPolicy: { displayName: "Margie's Travel", userSyncInbound: null, deletedDaysAgo: 18 },
  },
  {
    tenant: tenant("Relecloud", "relecloud.onmicrosoft.com"),
    partner: { tenantId: "5e6f7a8b-9c0d-4e1f-b2a3-c4d5e6f7a8b9", ...syncReady },
    deletedSyncPolicy: { displayName: "Relecloud", userSyncInbound: { isSyncAllowed: false }, deletedDaysAgo: 11 },
  },
  {
    tenant: tenant("Fourth Coffee", "fourthcoffee.onmicrosoft.com"),
    partner: { tenantId: "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d", ...syncBothWays },
    deletedSyncPolicy: { displayName: null, userSyncInbound: null, deletedDaysAgo: 5 },
  },
];

/** Partner configurations sitting in deletedItems/crossTenantPartners. */
export const SEED_DELETED_PARTNERS: readonly { tenant: SeedTenant; partner: SeedPartner["partner"]; deletedDaysAgo: number }[] = [
  {
    tenant: tenant("Graphic Design Institute", "graphicdesigninstitute.onmicrosoft.com"),
    partner: { tenantId: "9b0c1d2e-3f4a-4b5c-9d6e-7f8a9b0c1d2e" },
    deletedDaysAgo: 7,
  },
];

/** Tenants that exist but are not partners (yet): what "Add organization" finds. */
export const SEED_OTHER_TENANTS: readonly (SeedTenant & { tenantId: string })[] = [
  { tenantId: "a3f1c2d4-5b6e-4f70-8a91-b2c3d4e5f607", ...tenant("Wingtip Toys", "wingtiptoys.onmicrosoft.com", { domains: ["wingtiptoys.com"] }) },
  { tenantId: "b4e2d3c5-6c7f-4081-9ba2-c3d4e5f60718", ...tenant("First Up Consultants", "firstupconsultants.onmicrosoft.com") },
  { tenantId: "c5f3e4d6-7d80-4192-acb3-d4e5f6071829", ...tenant("Blue Yonder Airlines", "blueyonderairlines.onmicrosoft.com", { federationBrandName: "Blue Yonder" }) },
  { tenantId: "d6a4f5e7-8e91-42a3-bdc4-e5f60718293a", ...tenant("VanArsdel, Ltd.", "vanarsdel.onmicrosoft.com") },
];

export function seedSyncState(seed: SeedPartner): SeedSyncState {
  if (seed.syncPolicy) return seed.syncPolicy.userSyncInbound?.isSyncAllowed ? "allowed" : "blocked";
  return seed.deletedSyncPolicy ? "deleted" : "no-policy";
}

export interface StateData {
  partners: PartnerRecord[];
  syncPolicies: SyncPolicyRecord[];
  deletedSyncPolicies: SyncPolicyRecord[];
  deletedPartners: PartnerRecord[];
  /** How many "Bulk Partner NN" tenants exist, so later ones continue the numbering. */
  bulkCount: number;
  /** Absent in state files written before the default policy was served. */
  defaultPolicy?: DefaultPolicyRecord;
  /** Absent in state files written before the policy root could be changed. */
  accessPolicy?: AccessPolicyRecord;
  /** The directory audit log, oldest first (absent in older state files). */
  audit?: AuditEntry[];
  /** Cross-tenant sync configurations and their history (absent in older state files). */
  outbound?: OutboundState;
}

export interface SeedOptions {
  /** Total partner count (EMULATOR_PARTNERS); generated partners fill up to it. */
  partners?: number;
  /** Extra partners whose sync policy sits in deleted items (EMULATOR_DELETED). */
  deleted?: number;
  /** Total cross-tenant sync configurations (EMULATOR_SYNC_CONFIGURATIONS). */
  syncConfigurations?: number;
  /** Provisioning log entries at least (EMULATOR_PROVISIONING_LOGS). */
  provisioningLogs?: number;
}

function daysAgoIso(now: number, days: number): string {
  return new Date(now - days * DAY_MS).toISOString();
}

function toPolicy(tenantId: string, seed: SeedSyncPolicy, deletedDateTime: string | null): SyncPolicyRecord {
  return {
    ...emptySyncPolicy(tenantId),
    displayName: seed.displayName,
    userSyncInbound: seed.userSyncInbound,
    groupSyncInbound: seed.groupSyncInbound ?? null,
    deletedDateTime,
  };
}

export function generatedPartnerName(index: number): string {
  return `Generated Partner ${String(index).padStart(5, "0")}`;
}

export function generatedPartnerTenantId(index: number): string {
  return deterministicGuid(`emulator-generated-partner-${index}`);
}

export function bulkPartnerName(index: number): string {
  return `Bulk Partner ${String(index).padStart(2, "0")}`;
}

export function bulkPartnerTenantId(index: number): string {
  return deterministicGuid(`emulator-bulk-partner-${index}`);
}

/** A generated partner whose sync policy was deleted `deletedDaysAgo` days ago. */
export function bulkDeletedPartner(
  index: number,
  now: number,
  deletedDaysAgo = 3,
): { partner: PartnerRecord; deletedSyncPolicy: SyncPolicyRecord } {
  const tenantId = bulkPartnerTenantId(index);
  return {
    partner: { ...emptyPartner(tenantId), ...syncReady },
    deletedSyncPolicy: {
      ...emptySyncPolicy(tenantId),
      displayName: bulkPartnerName(index),
      userSyncInbound: { isSyncAllowed: true },
      deletedDateTime: daysAgoIso(now, deletedDaysAgo),
    },
  };
}

/** How many "Generated Partner NNNNN" tenants EMULATOR_PARTNERS adds after the seed and the bulk partners. */
export function generatedCount(options: SeedOptions): number {
  const total = Math.min(options.partners ?? 0, MAX_PARTNERS);
  return Math.max(0, total - SEED_PARTNERS.length - (options.deleted ?? 0));
}

export function buildSeedState(now: number, options: SeedOptions = {}): StateData {
  const state: StateData = {
    partners: [],
    syncPolicies: [],
    deletedSyncPolicies: [],
    deletedPartners: [],
    bulkCount: 0,
    defaultPolicy: serviceDefaultPolicy(),
    accessPolicy: serviceAccessPolicy(),
  };
  for (const seed of SEED_PARTNERS) {
    const tenantId = seed.partner.tenantId;
    state.partners.push({ ...emptyPartner(tenantId), ...seed.partner });
    if (seed.syncPolicy) {
      const last = seed.syncPolicy.lastDeletedDaysAgo;
      state.syncPolicies.push(toPolicy(tenantId, seed.syncPolicy, last === undefined ? null : daysAgoIso(now, last)));
    }
    if (seed.deletedSyncPolicy) {
      state.deletedSyncPolicies.push(
        toPolicy(tenantId, seed.deletedSyncPolicy, daysAgoIso(now, seed.deletedSyncPolicy.deletedDaysAgo)),
      );
    }
  }
  for (const seed of SEED_DELETED_PARTNERS) {
    state.deletedPartners.push({
      ...emptyPartner(seed.partner.tenantId),
      ...seed.partner,
      deletedDateTime: daysAgoIso(now, seed.deletedDaysAgo),
    });
  }

  const deleted = options.deleted ?? 0;
  for (let i = 1; i <= deleted; i++) {
    const bulk = bulkDeletedPartner(i, now);
    state.partners.push(bulk.partner);
    state.deletedSyncPolicies.push(bulk.deletedSyncPolicy);
  }
  state.bulkCount = deleted;

  for (let i = 1; i <= generatedCount(options); i++) {
    const tenantId = generatedPartnerTenantId(i);
    const displayName = generatedPartnerName(i);
    state.partners.push({ ...emptyPartner(tenantId), ...syncReady });
    // A believable mix: a quarter without a policy, a quarter blocked, half allowed.
    if (i % 4 !== 0) {
      state.syncPolicies.push({
        ...emptySyncPolicy(tenantId),
        displayName,
        userSyncInbound: { isSyncAllowed: i % 4 !== 1 },
      });
    }
  }
  return state;
}
