import { describe, expect, it } from "vitest";
import { makePartner, makeSyncPolicy } from "@/tests/model-fixtures";
import { toPartnersCsv } from "./csv";

const A = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551";
const SUPPORT = "b4c546a4-7dac-46a6-a7dd-ed822a11efd3";

describe("toPartnersCsv", () => {
  it("writes one quoted row per partner with the table's words", () => {
    const csv = toPartnersCsv([
      makePartner(A, { displayName: 'Fabrikam "EU"', isServiceProvider: true, syncPolicy: makeSyncPolicy(A, { userSyncAllowed: true }) }),
      makePartner(SUPPORT),
    ]);
    expect(csv.split("\r\n")).toEqual([
      '"Name","Tenant ID","Well-known tenant","Inbound user sync","Group sync","Service provider","Multitenant organization"',
      `"Fabrikam ""EU""","${A}","","Allowed","Not set","Yes","Not set"`,
      `"","${SUPPORT}","Microsoft support tenant","No sync policy","","Not set","Not set"`,
      "",
    ]);
  });

  it("never lets a spreadsheet run a name as a formula", () => {
    const csv = toPartnersCsv([makePartner(A, { displayName: "=HYPERLINK(\"http://x\")" })]);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
  });
});
