import { describe, expect, it } from "vitest";
import { at, compareShape, undeclaredProperties } from "./shape";

describe("compareShape", () => {
  it("passes when names and types match, whatever the values", () => {
    expect(compareShape({ tenantId: "a", isServiceProvider: true, n: 1 }, { tenantId: "b", isServiceProvider: false, n: 2, extra: "x" })).toEqual([]);
  });

  it("reports a missing property and a type that differs, null included", () => {
    expect(compareShape({ a: "x", b: false, c: { d: null } }, { b: null, c: null })).toEqual([
      "a: missing",
      "b: documented boolean, got null",
      "c: documented object, got null",
    ]);
  });

  it("takes a documented null as any value and an empty documented array as any items", () => {
    expect(compareShape({ a: null, list: [] }, { a: { x: 1 }, list: [1, "two"] })).toEqual([]);
  });

  it("matches each item against the documented item it resembles most", () => {
    const documented = [
      { displayName: "a", oldValue: "x", newValue: "y" },
      { displayName: "b", oldValue: null, newValue: "y" },
    ];
    expect(compareShape(documented, [{ displayName: "c", oldValue: null, newValue: "z" }])).toEqual([]);
    expect(compareShape(documented, [{ displayName: "c", oldValue: null }])).toEqual(["[0].newValue: missing"]);
  });

  it("pairs items by a key when told to", () => {
    const documented = { responses: [{ id: "1", status: 302, headers: {} }, { id: "4", status: 204, body: null }] };
    expect(compareShape(documented, { responses: [{ id: "4", status: 204, headers: {} }] }, { matchBy: { responses: "id" } })).toEqual(["responses[0].body: missing"]);
    expect(compareShape(documented, { responses: [{ id: "9", status: 200 }] }, { matchBy: { responses: "id" } })).toEqual(["responses[0]: no documented item with the same id"]);
  });

  it("leaves ignored paths alone and accepts null where allowed", () => {
    const documented = { value: [{ tenantId: "t", identitySynchronization: { displayName: "n" }, extra: 1 }] };
    const actual = { value: [{ tenantId: "t", identitySynchronization: null }] };
    expect(compareShape(documented, actual)).toHaveLength(2);
    expect(compareShape(documented, actual, { ignore: ["value[].extra"], nullable: ["value[].identitySynchronization"] })).toEqual([]);
  });
});

describe("undeclaredProperties and at", () => {
  it("lists properties the resource page does not declare, annotations aside", () => {
    expect(undeclaredProperties({ "@odata.context": "c", tenantId: "t", displayName: "d" }, ["tenantId"])).toEqual(["displayName"]);
  });

  it("follows paths into objects and arrays", () => {
    const body = { value: [{ id: "1" }, { id: "2" }] };
    expect(at(body, "value[]")).toEqual([{ id: "1" }, { id: "2" }]);
    expect(at(body, "value[1].id")).toEqual(["2"]);
    expect(at(body, undefined)).toEqual([body]);
  });
});
