/**
 * The layout rules of README's "Layout" section, checked on every `npm run test:unit`:
 * no import cycle between files, no feature folder reaching into another, nothing loose at the
 * lib/ root, the emulator never imported by the product, and data flowing one way
 * (app/ → components/ → lib/), with lib/graph server-side and under everything.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { findCycles, readImportGraph, type ImportGraph } from "./import-graph";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const PRODUCT = ["app", "components", "lib"];

/**
 * Folders of components/ that every feature may use: primitives (ui), what two or more features
 * show (shared), the frame around every page (shell, providers, auth, security), error panels
 * (feedback) and the write engine's UI (writes). Every other folder of components/ is a feature
 * (audit, deleted-partners, deleted-policies, partners, ...) and imports no other feature; a
 * shared folder imports no feature at all.
 */
const SHARED_COMPONENT_FOLDERS = new Set(["ui", "shared", "feedback", "writes", "shell", "providers", "auth", "security"]);

const graph = readImportGraph(ROOT, PRODUCT);

function componentFolder(file: string): string | null {
  const [top, folder] = file.split("/");
  return top === "components" && folder !== undefined && !folder.includes(".") ? folder : null;
}

function edges(from: ImportGraph = graph): [string, string][] {
  return [...from].flatMap(([file, targets]) => targets.map((target): [string, string] => [file, target]));
}

const describeEdges = (found: [string, string][]) => found.map(([file, target]) => `${file} imports ${target}`);

describe("the import graph reader", () => {
  it("reads the product's files and their imports", () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get("app/(console)/partners/[tenantId]/page.tsx")).toContain("components/partners/partner-detail-view.tsx");
    expect(graph.get("lib/queries/partners.ts")).toContain("lib/queries/cache-sync.ts");
  });

  it("names the files of a cycle, and finds none where there is none", () => {
    const withCycle: ImportGraph = new Map([
      ["lib/a.ts", ["lib/b.ts"]],
      ["lib/b.ts", ["lib/c.ts", "lib/d.ts"]],
      ["lib/c.ts", ["lib/a.ts"]],
      ["lib/d.ts", []],
      ["lib/e.ts", ["lib/e.ts"]],
    ]);
    expect(findCycles(withCycle)).toEqual([
      ["lib/a.ts", "lib/b.ts", "lib/c.ts", "lib/a.ts"],
      ["lib/e.ts", "lib/e.ts"],
    ]);
    expect(findCycles(new Map([["lib/a.ts", ["lib/b.ts"]], ["lib/b.ts", []]]))).toEqual([]);
  });
});

describe("layout", () => {
  it("has no import cycle between files (type-only imports included)", () => {
    expect(findCycles(graph).map((cycle) => cycle.join(" → "))).toEqual([]);
  });

  it("keeps feature folders of components/ apart, and shared folders free of features", () => {
    const crossing = edges().filter(([file, target]) => {
      const from = componentFolder(file);
      const to = componentFolder(target);
      if (from === null || to === null || from === to || SHARED_COMPONENT_FOLDERS.has(to)) return false;
      return true;
    });
    expect(describeEdges(crossing)).toEqual([]);
  });

  it("leaves nothing loose at the lib/ root", () => {
    const loose = readdirSync(path.join(ROOT, "lib")).filter((name) => !statSync(path.join(ROOT, "lib", name)).isDirectory());
    expect(loose).toEqual([]);
  });

  it("never imports the emulator from app/, components/ or lib/", () => {
    expect(describeEdges(edges().filter(([, target]) => target.startsWith("emulator/")))).toEqual([]);
  });

  it("lets data flow one way: lib imports no component or route, components no route, lib/graph nothing above it", () => {
    const rank = (file: string) => (file.startsWith("app/") ? 3 : file.startsWith("components/") ? 2 : 1);
    const above = ["lib/queries/", "lib/actions/", "lib/auth/"];
    const upward = edges().filter(
      ([file, target]) => rank(target) > rank(file) || (file.startsWith("lib/graph/") && above.some((folder) => target.startsWith(folder))),
    );
    expect(describeEdges(upward)).toEqual([]);
  });
});
