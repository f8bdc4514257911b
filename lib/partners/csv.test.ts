import { describe, expect, it } from "vitest";
import { makeDeletedSyncPolicy, makePartner, makeSyncPolicy } from "@/tests/model-fixtures";
import { toPartnersCsv } from "./csv";

const A = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551";
const B = "0f1e2d3c-4b5a-4697-8877-a6b5c4d3e2f1";
const SUPPORT = "b4c546a4-7dac-46a6-a7dd-ed822a11efd3";

describe("toPartnersCsv", () => {
  it("writes the columns the table shows, with the table's words, after a UTF-8 BOM", () => {
    const now = new Date("2026-11-20T00:00:00Z");
    const deleted = makeDeletedSyncPolicy(B, { deletedDateTime: "2026-11-08T00:00:00Z" });
    const csv = toPartnersCsv(
      [
        makePartner(A, {
          displayName: 'Fabrikam "EU"',
          defaultDomainName: "fabrikam.onmicrosoft.com",
          isServiceProvider: true,
          automaticUserConsentSettings: { inboundAllowed: true, outboundAllowed: null },
          syncPolicy: makeSyncPolicy(A, { userSyncAllowed: true }),
        }),
        makePartner(B, { displayName: "Coho Winery", isInMultiTenantOrganization: false }),
        makePartner(SUPPORT),
      ],
      new Map([[B, deleted]]),
      now,
    );
    expect(csv.startsWith("\ufeff")).toBe(true);
    expect(csv.slice(1).split("\r\n")).toEqual([
      '"Name","Domain","Tenant ID","Well-known tenant","Inbound user sync","Automatic redemption (inbound)","Group sync","Service provider","Multitenant organization","Sync policy in deleted items"',
      `"Fabrikam ""EU""","fabrikam.onmicrosoft.com","${A}","","Allowed","On","Not set","Yes","No",""`,
      `"Coho Winery","","${B}","","No sync policy","Inherited: off","—","No","No","18 days left"`,
      `"Unnamed partner","","${SUPPORT}","Microsoft support tenant","No sync policy","Inherited: off","—","No","No",""`,
      "",
    ]);
  });

  it("leaves automatic redemption empty for a row read without it, never guessing off", () => {
    const csv = toPartnersCsv([{ ...makePartner(A), automaticUserConsentSettings: undefined }]);
    expect(csv.split("\r\n")[1]).toBe(`"Unnamed partner","","${A}","","No sync policy","","—","No","No",""`);
  });

  it("never lets a spreadsheet run a name as a formula", () => {
    const csv = toPartnersCsv([makePartner(A, { displayName: "=HYPERLINK(\"http://x\")" })]);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
  });
});
