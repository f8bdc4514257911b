import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

describe("csvCell: hostile cells stay inert text", () => {
  it.each([
    // Plain formula triggers get the apostrophe.
    ["=1+1", `"'=1+1"`],
    ["+1+1", `"'+1+1"`],
    ["-1+1", `"'-1+1"`],
    ["@SUM(A1:A2)", `"'@SUM(A1:A2)"`],
    ['=HYPERLINK("http://evil.example","Fabrikam")', `"'=HYPERLINK(""http://evil.example"",""Fabrikam"")"`],
    ["=cmd|' /C calc'!A0", `"'=cmd|' /C calc'!A0"`],
    // Numbers too: no export holds one, so no exception is made for them.
    ["-5", `"'-5"`],
    ["+33 1 23 45 67 89", `"'+33 1 23 45 67 89"`],
    // Whitespace or control characters in front of a trigger are trimmed, then the trigger is neutralised.
    [" =1+1", `"'=1+1"`],
    ["   @A1", `"'@A1"`],
    ["\t=1+1", `"'=1+1"`],
    ["\r=1+1", `"'=1+1"`],
    ["\n=1+1", `"'=1+1"`],
    ["\r\n-2+3", `"'-2+3"`],
    ["\u0000=1+1", `"'=1+1"`],
    ["\u0000\u0000+1", `"'+1"`],
    ["\u00a0=1+1", `"'=1+1"`],
    ["\u3000=1+1", `"'=1+1"`],
    ["\ufeff=1+1", `"'=1+1"`],
    ["\u200b=1+1", `"'\u200b=1+1"`],
    ["\u200e@A1", `"'\u200e@A1"`],
    ["\u200b =1", `"'\u200b =1"`],
    // Full-width and small forms of the signs.
    ["＝1+1", `"'＝1+1"`],
    ["＋1", `"'＋1"`],
    ["－1", `"'－1"`],
    ["＠A1", `"'＠A1"`],
    ["﹦1+1", `"'﹦1+1"`],
    // A line break inside a cell cannot start a new row with a formula.
    ["Fabrikam\n=1+1", `"Fabrikam =1+1"`],
    ["Fabrikam\r\n@A1", `"Fabrikam @A1"`],
    ["Contoso\u2028=1", `"Contoso =1"`],
    // NUL and other control characters inside a cell go.
    ["Fab\u0000rikam", `"Fabrikam"`],
    ["Fab\u0007ri\u007fkam\u0085", `"Fabrikam"`],
    // Quotes are doubled, so no cell closes early and smuggles a second one.
    ['Fabrikam","=1+1', `"Fabrikam"",""=1+1"`],
    ['"=1+1', `"""=1+1"`],
    // Ordinary text is left as it is, apart from trimming.
    ["Fabrikam", `"Fabrikam"`],
    ["  Fabrikam EU  ", `"Fabrikam EU"`],
    ["2026-11-20T10:00:00Z", `"2026-11-20T10:00:00Z"`],
    ["9c5d131d-b1c3-4fc4-9e3f-c6557947d551", `"9c5d131d-b1c3-4fc4-9e3f-c6557947d551"`],
    ["Inbound user sync: Allowed → Blocked", `"Inbound user sync: Allowed → Blocked"`],
    ["a=b", `"a=b"`],
    ["", `""`],
    [" \t\r\n ", `""`],
  ])("%j → %s", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it("never writes a control character, nor a cell whose first visible character is a trigger", () => {
    const hostile = ["\u0000", "\t", "\r", "\n", " ", "\u00a0", "\u200b", "=", "+", "-", "@", "＝", "a"];
    for (const first of hostile) {
      for (const second of hostile) {
        const cell = csvCell(`${first}${second}1`);
        expect(cell).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
        const inner = cell.slice(1, -1);
        expect(inner).not.toMatch(/^\s/);
        expect(inner.normalize("NFKC")).not.toMatch(/^[\p{Cf}\s]*[=+\-@]/u);
      }
    }
  });
});

describe("toCsv", () => {
  it("starts with a UTF-8 BOM, quotes every cell, ends every line with CRLF, and keeps one line per row", () => {
    expect(toCsv([["Name", "Note"], ["Fabrikam", "line one\nline two"], ["=1", ""]])).toBe('\ufeff"Name","Note"\r\n"Fabrikam","line one line two"\r\n"\'=1",""\r\n');
  });
});
