/**
 * The file-level import graph of the product code, read with the TypeScript compiler's own import
 * scanner (static imports, re-exports, `import type`, dynamic `import()`), for tests/layout.test.ts.
 * Only imports that land on a file of the repository are edges: `@/x` is the repository root, as
 * in tsconfig.json; packages are left out.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

/** Repository-relative paths with forward slashes, e.g. `lib/core/result.ts`. */
export type ImportGraph = Map<string, string[]>;

const SOURCE = /\.tsx?$/;
const EXTENSIONS = [".ts", ".tsx", "/index.ts", "/index.tsx"];

function listSources(root: string, dir: string): string[] {
  const full = path.join(root, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full).flatMap((name) => {
    const rel = `${dir}/${name}`;
    if (statSync(path.join(root, rel)).isDirectory()) return listSources(root, rel);
    return SOURCE.test(name) && !name.endsWith(".d.ts") ? [rel] : [];
  });
}

/** The repository file an import specifier names, or null for a package (or nothing). */
export function resolveImport(root: string, from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith("./") || specifier.startsWith("../")) base = path.posix.join(path.posix.dirname(from), specifier);
  else return null;
  if (SOURCE.test(base) && existsSync(path.join(root, base))) return base;
  for (const extension of EXTENSIONS) {
    const candidate = base + extension;
    if (existsSync(path.join(root, candidate))) return candidate;
  }
  return null;
}

/** Every .ts/.tsx file under `dirs` and the repository files each one imports. */
export function readImportGraph(root: string, dirs: string[]): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const file of dirs.flatMap((dir) => listSources(root, dir))) {
    const { importedFiles } = ts.preProcessFile(readFileSync(path.join(root, file), "utf8"), true, true);
    const targets = importedFiles.map((imported) => resolveImport(root, file, imported.fileName)).filter((target): target is string => target !== null);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/**
 * Each import cycle as the files along it, first file repeated at the end (`a → b → a`): one per
 * strongly connected component of the graph (Tarjan), so a tangle of many files is reported once.
 */
export function findCycles(graph: ImportGraph): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];

  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) components.push(component);
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);

  return components.map((component) => cycleWithin(graph, new Set(component)));
}

/** One concrete path that leaves the component's first file (alphabetically) and comes back to it. */
function cycleWithin(graph: ImportGraph, members: Set<string>): string[] {
  const start = [...members].sort()[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const next of graph.get(node) ?? []) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path = [start];
        for (let step: string | undefined = node; step !== undefined && step !== start; step = previous.get(step)) path.splice(1, 0, step);
        return [...path, start];
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}
