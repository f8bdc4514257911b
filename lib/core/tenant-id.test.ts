import { describe, expect, it } from "vitest";
import { isDomainName, isTenantId } from "./tenant-id";

describe("isTenantId", () => {
  it("accepts a GUID in either case and nothing around it", () => {
    expect(isTenantId("9c5d131d-b1c3-4fc4-9e3f-c6557947d551")).toBe(true);
    expect(isTenantId("9C5D131D-B1C3-4FC4-9E3F-C6557947D551")).toBe(true);
    expect(isTenantId(" 9c5d131d-b1c3-4fc4-9e3f-c6557947d551")).toBe(false);
    expect(isTenantId("9c5d131d-b1c3-4fc4-9e3f-c6557947d55")).toBe(false);
    expect(isTenantId("9c5d131d-b1c3-4fc4-9e3f-c6557947d551/../me")).toBe(false);
  });
});

describe("isDomainName", () => {
  it("accepts plain DNS names in either case", () => {
    expect(isDomainName("contoso.onmicrosoft.com")).toBe(true);
    expect(isDomainName("Fabrikam.COM")).toBe(true);
    expect(isDomainName("a-b.example.org")).toBe(true);
  });

  it("refuses what would not be inert in a Graph URL, and Unicode look-alikes", () => {
    for (const value of ["contoso", "contoso.com/x", "contoso.com:443", "'contoso.com'", "contoso%2ecom", "-a.com", "a.c", "contoso.\u212Aom", "a..com"]) {
      expect(isDomainName(value)).toBe(false);
    }
  });
});
