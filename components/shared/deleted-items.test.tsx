import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import type { DeletedSyncPolicy } from "@/lib/core/models";
import { DeletedItemList, deletedPolicyItem, ExpiringOnlyFilter, SelectAllShown, withItemsOnTheirWay } from "./deleted-items";

const tenant = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();

describe("what the deleted pages share", () => {
  it("lists the first eight items of a confirmation by name or the unnamed word, then how many more", () => {
    const items = Array.from({ length: 11 }, (_, i) => ({ tenantId: tenant(i), name: i === 0 ? null : `Partner ${i}` }));
    const html = renderToStaticMarkup(<DeletedItemList items={items} unnamed="Unnamed policy" />);
    expect(html.match(/<li/g)).toHaveLength(9);
    expect(text(html)).toContain(`Unnamed policy ${tenant(0)}`);
    expect(text(html)).toContain("Partner 7");
    expect(text(html)).not.toContain("Partner 8");
    expect(text(html)).toMatch(/and 3 more$/);
    expect(renderToStaticMarkup(<DeletedItemList items={items.slice(0, 8)} unnamed="Unnamed partner" />)).not.toContain("more");
  });

  it("names a deleted policy as the rows do", () => {
    const policy: DeletedSyncPolicy = {
      tenantId: tenant(1),
      displayName: " ",
      partnerDisplayName: "Fabrikam",
      userSyncAllowed: null,
      groupSyncAllowed: null,
      externalCloudAuthorizedApplicationId: null,
      deletedDateTime: "2026-01-01T00:00:00Z",
    };
    expect(deletedPolicyItem(policy)).toEqual({ tenantId: tenant(1), name: "Fabrikam" });
  });

  it("labels the expiring filter and the select-all box as before", () => {
    expect(text(renderToStaticMarkup(<ExpiringOnlyFilter checked onChange={() => {}} />))).toBe("Purge within 7 days");
    const all = renderToStaticMarkup(<SelectAllShown label="Select all shown partners" shown={2} selected={2} onToggle={() => {}} />);
    expect(all).toContain('aria-label="Select all shown partners"');
    expect(all).toContain("checked");
    expect(renderToStaticMarkup(<SelectAllShown label="Select all shown partners" shown={2} selected={1} onToggle={() => {}} />)).not.toContain("checked");
    expect(renderToStaticMarkup(<SelectAllShown label="Select all shown partners" shown={0} selected={0} onToggle={() => {}} />)).not.toContain("checked");
  });
});

describe("a deleted list while a write takes rows out of it", () => {
  const a = { tenantId: "AAA", name: "A" };
  const b = { tenantId: "bbb", name: "B" };
  const c = { tenantId: "ccc", name: "C" };
  it("keeps the rows on their way that already left the cache, after the listed ones, once each", () => {
    expect(withItemsOnTheirWay([a], { bbb: b }, { ccc: c })).toEqual([a, b, c]);
    // A row still listed (its id in any case) is not added twice.
    expect(withItemsOnTheirWay([a, b], { aaa: a, bbb: b })).toEqual([a, b]);
  });
  it("returns the list itself when nothing is on its way", () => {
    const listed = [a, b];
    expect(withItemsOnTheirWay(listed, {})).toBe(listed);
  });
});
