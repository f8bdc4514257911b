import { describe, expect, it } from "vitest";
import { tenantInformationByDomainPath, tenantInformationByIdPath } from "./paths";

const ROOT = "https://graph.test/beta";

/**
 * Reads the one string parameter of an OData function call the way Graph does:
 * the URL segment is percent-decoded first, then the single-quoted literal is
 * read with '' standing for one quote. Returns null when the call does not end
 * right after the literal (something broke out of it).
 */
function readLiteral(path: string, prefix: string): string | null {
  const url = new URL(`${ROOT}${path}`);
  if (url.search || url.hash) return null;
  const segments = url.pathname.split("/");
  const last = decodeURIComponent(segments.at(-1) ?? "");
  if (segments.length !== 4 || !last.startsWith(`${prefix}'`)) return null;
  let value = "";
  for (let at = prefix.length + 1; at < last.length; at++) {
    const char = last[at];
    if (char !== "'") value += char;
    else if (last[at + 1] === "'") value += last[++at];
    else return last.slice(at) === "')" ? value : null;
  }
  return null;
}

const HOSTILE = [
  "o'brien.example",
  "x'),partners(",
  "')/../../policies/crossTenantAccessPolicy/default?x=('",
  "'",
  "''",
  "%27",
  "%2527",
  "a/b",
  "../../deletedItems",
  "contoso.com?$select=*",
  "contoso.com#fragment",
  "contoso.com&$filter=x",
  "a b+c",
  "fabrikam.com eq 'x' or 1 eq 1",
  "é.example",
  "𝟗c5d131d",
  "\u0000\r\n",
];

describe("tenant information function calls", () => {
  it("are built as Graph documents them for plain values", () => {
    expect(tenantInformationByIdPath("9c5d131d-b1c3-4fc4-9e3f-c6557947d551")).toBe(
      "/tenantRelationships/findTenantInformationByTenantId(tenantId='9c5d131d-b1c3-4fc4-9e3f-c6557947d551')",
    );
    expect(tenantInformationByDomainPath("contoso.onmicrosoft.com")).toBe("/tenantRelationships/findTenantInformationByDomainName(domainName='contoso.onmicrosoft.com')");
  });

  it("double a single quote inside the literal", () => {
    expect(tenantInformationByDomainPath("o'brien.example")).toBe("/tenantRelationships/findTenantInformationByDomainName(domainName='o''brien.example')");
  });

  it("percent-encode what would end the segment or start a query, and a percent sign itself", () => {
    expect(tenantInformationByDomainPath("a/b?c#d%27")).toBe("/tenantRelationships/findTenantInformationByDomainName(domainName='a%2Fb%3Fc%23d%2527')");
  });

  it.each(HOSTILE)("by domain, %j reaches Graph as that exact value and nothing more", (value) => {
    expect(readLiteral(tenantInformationByDomainPath(value), "findTenantInformationByDomainName(domainName=")).toBe(value);
  });

  it.each(HOSTILE)("by tenant id, %j reaches Graph as that exact value and nothing more", (value) => {
    expect(readLiteral(tenantInformationByIdPath(value), "findTenantInformationByTenantId(tenantId=")).toBe(value);
  });
});
