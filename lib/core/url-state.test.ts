import { describe, expect, it } from "vitest";
import { choiceParam, directionParam, flagParam, textParam, urlStateCodec, type SortDirection } from "./url-state";

interface View {
  query: string;
  colour: "red" | "blue" | null;
  sort: "name" | "size";
  direction: SortDirection;
  onlyMine: boolean;
}

const codec = urlStateCodec<View>({
  query: textParam("q", 5),
  colour: choiceParam("colour", ["red", "blue"] as const, null),
  sort: choiceParam("sort", ["name", "size"] as const, "name"),
  direction: directionParam(),
  onlyMine: flagParam("mine"),
});

describe("a view state kept in the URL", () => {
  it("reads a URL with no query as the defaults, and writes the defaults as no query", () => {
    expect(codec.defaults).toEqual({ query: "", colour: null, sort: "name", direction: "asc", onlyMine: false });
    expect(codec.parse(new URLSearchParams())).toEqual(codec.defaults);
    expect(codec.serialize(codec.defaults).toString()).toBe("");
  });

  it("writes only what differs from the defaults, in the order the fields are given", () => {
    const view: View = { query: "ab c", colour: "blue", sort: "size", direction: "desc", onlyMine: true };
    expect(codec.serialize(view).toString()).toBe("q=ab+c&colour=blue&sort=size&dir=desc&mine=1");
    expect(codec.serialize({ ...codec.defaults, sort: "size" }).toString()).toBe("sort=size");
    expect(codec.parse(codec.serialize(view))).toEqual(view);
  });

  it("drops what it does not know and cuts long text", () => {
    const parsed = codec.parse(new URLSearchParams("q=abcdefgh&colour=green&sort=evil&dir=sideways&mine=yes&other=1"));
    expect(parsed).toEqual({ query: "abcde", colour: null, sort: "name", direction: "asc", onlyMine: false });
  });

  it("cuts search text at 200 characters unless told otherwise", () => {
    const long = "x".repeat(250);
    expect(textParam("q").read(long)).toHaveLength(200);
  });
});
