import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DAY_MS } from "../clock";
import { bulkPartnerName, bulkPartnerTenantId, buildSeedState, SEED_DELETED_PARTNERS, SEED_OTHER_TENANTS, SEED_PARTNERS, seedSyncState } from "../seed";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

describe("seed", () => {
  it("is deterministic and matches the README tables the e2e tests rely on", () => {
    const now = Date.UTC(2025, 0, 31);
    expect(buildSeedState(now, { partners: 50, deleted: 3 })).toEqual(buildSeedState(now, { partners: 50, deleted: 3 }));
    for (const seed of SEED_PARTNERS) {
      const row = readme.split("\n").find((line) => line.includes(`\`${seed.partner.tenantId}\``) && line.includes(`| ${seedSyncState(seed)} |`));
      expect(row, seed.partner.tenantId).toBeDefined();
      expect(row).toContain(`| ${seed.tenant.displayName} |`);
      expect(row).toContain(`\`${seed.tenant.defaultDomainName}\``);
      if (seed.deletedSyncPolicy) {
        expect(readme).toContain(`\`${seed.partner.tenantId}\` | ${seed.deletedSyncPolicy.deletedDaysAgo} |`);
      }
    }
    for (const seed of SEED_DELETED_PARTNERS) expect(readme).toContain(`\`${seed.partner.tenantId}\` | \`${seed.tenant.defaultDomainName}\` | ${seed.deletedDaysAgo} |`);
    for (const other of SEED_OTHER_TENANTS) expect(readme).toContain(`| ${other.displayName} | \`${other.tenantId}\` | \`${other.defaultDomainName}\` |`);
    for (let i = 1; i <= 25; i++) expect(readme).toContain(`| ${bulkPartnerName(i)} | \`${bulkPartnerTenantId(i)}\` |`);
  });

  it("keeps every deleted policy restorable and spreads them over the 30-day window", () => {
    const now = Date.UTC(2025, 0, 31);
    const state = buildSeedState(now);
    const live = new Set(state.partners.map((p) => p.tenantId));
    const withPolicy = new Set(state.syncPolicies.map((p) => p.tenantId));
    const ages = state.deletedSyncPolicies.map((d) => {
      expect(live.has(d.tenantId)).toBe(true);
      expect(withPolicy.has(d.tenantId)).toBe(false);
      return (now - Date.parse(d.deletedDateTime ?? "")) / DAY_MS;
    });
    expect(ages.length).toBeGreaterThanOrEqual(6);
    expect(Math.max(...ages)).toBe(29);
    expect(ages).toContain(28);
    expect(Math.min(...ages)).toBeLessThanOrEqual(5);
    expect(state.deletedSyncPolicies.some((d) => d.displayName === null && d.userSyncInbound === null)).toBe(true);
  });

  it("caps generated tenants at 10,000 partners", () => {
    expect(buildSeedState(0, { partners: 20_000 }).partners).toHaveLength(10_000);
  });
});
