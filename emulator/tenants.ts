/**
 * The directory of external tenants behind findTenantInformationByTenantId /
 * ByDomainName: every seeded partner (live or deleted), the bulk and generated
 * partners, and a few tenants that are not partners yet. Generated entries are
 * derived from their index, so 10,000 tenants cost nothing until looked up.
 */
import type { TenantInformation } from "./model";
import {
  bulkPartnerName,
  bulkPartnerTenantId,
  generatedCount,
  generatedPartnerName,
  generatedPartnerTenantId,
  SEED_DELETED_PARTNERS,
  SEED_OTHER_TENANTS,
  SEED_PARTNERS,
  type SeedOptions,
  type SeedTenant,
} from "./seed";

const domainOf = (name: string) => `${name.toLowerCase().replace(/[^a-z0-9]/g, "")}.onmicrosoft.com`;

function info(tenantId: string, t: Pick<SeedTenant, "displayName" | "defaultDomainName" | "federationBrandName">): TenantInformation {
  return { tenantId, displayName: t.displayName, defaultDomainName: t.defaultDomainName, federationBrandName: t.federationBrandName };
}

export class TenantDirectory {
  private readonly byId = new Map<string, TenantInformation>();
  private readonly byDomain = new Map<string, TenantInformation>();
  private bulkIndexed = 0;
  private readonly bulkCount: () => number;
  readonly homeTenantId: string;

  /** `bulkCount` grows with POST /_emulator/seed-deleted; those tenants join the directory as they appear. */
  constructor(seed: SeedOptions, bulkCount: () => number, homeTenantId: string) {
    this.bulkCount = bulkCount;
    this.homeTenantId = homeTenantId.toLowerCase();
    // The home tenant can look itself up too, as in Entra.
    this.add({ tenantId: homeTenantId, displayName: "Contoso", defaultDomainName: "contoso.onmicrosoft.com", federationBrandName: null }, ["contoso.example"]);
    for (const s of [...SEED_PARTNERS, ...SEED_DELETED_PARTNERS]) this.add(info(s.partner.tenantId, s.tenant), s.tenant.domains);
    for (const t of SEED_OTHER_TENANTS) this.add(info(t.tenantId, t), t.domains);
    for (let i = 1; i <= generatedCount(seed); i++) {
      const name = generatedPartnerName(i);
      this.add({ tenantId: generatedPartnerTenantId(i), displayName: name, defaultDomainName: domainOf(name), federationBrandName: null }, []);
    }
  }

  private add(tenant: TenantInformation, domains: readonly string[]): void {
    this.byId.set(tenant.tenantId.toLowerCase(), tenant);
    for (const d of [tenant.defaultDomainName, ...domains]) this.byDomain.set(d.toLowerCase(), tenant);
  }

  private indexBulk(): void {
    const count = this.bulkCount();
    for (let i = this.bulkIndexed + 1; i <= count; i++) {
      const name = bulkPartnerName(i);
      this.add({ tenantId: bulkPartnerTenantId(i), displayName: name, defaultDomainName: domainOf(name), federationBrandName: null }, []);
    }
    this.bulkIndexed = Math.max(this.bulkIndexed, count);
  }

  findByTenantId(tenantId: string): TenantInformation | undefined {
    this.indexBulk();
    return this.byId.get(tenantId.toLowerCase());
  }

  findByDomainName(domain: string): TenantInformation | undefined {
    this.indexBulk();
    return this.byDomain.get(domain.toLowerCase());
  }
}
