/**
 * Replays the request/response examples of the Microsoft Graph beta reference
 * pages (examples/*.json) against the emulator over real HTTP, each on a fresh
 * seed, and compares status and the response's property names and types with
 * the example (values are not compared) and with the resource page's
 * property list (resources.json). `npm run test:conformance` runs this alone.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { appToken, call, setupEmulator, type Emulator } from "../tests/helpers";
import { at, compareShape, undeclaredProperties } from "./shape";

interface Step {
  method?: string;
  /** Below /beta, as the reference pages write it; `{name}` is replaced by a value saved by an earlier step. */
  path: string;
  body?: unknown;
  /** Request headers the page shows (ConsistencyLevel). */
  headers?: Record<string, string>;
  /** name → path into the answer (`value[0].id`) to keep for later steps. */
  save?: Record<string, string>;
}

interface Example {
  /** The reference page the example comes from (api-reference/beta/...). */
  source: string;
  /** The example's request name on that page. */
  example: string;
  /** How the request was adapted to the emulator's seed, if it was. */
  adapted?: string;
  before?: Step[];
  request: Step;
  response: {
    status: number;
    /** The response body as the page shows it (null for none). */
    body: unknown;
    /** Where in the documented body the compared part sits, when not the whole (see `why`). */
    expectedAt?: string;
    /** Where in the answer to compare (`value[]`: each item). */
    actualAt?: string;
    why?: string;
    /** Documented paths not compared, each with its reason. */
    ignore?: Record<string, string>;
    /** Paths where null is also a valid answer, each with its reason. */
    nullable?: Record<string, string>;
    /** Arrays whose items pair up by a key rather than by resemblance. */
    matchBy?: Record<string, string>;
    /** The resource type (resources.json) of the compared entity or items. */
    resource?: string;
  };
}

const here = import.meta.dirname;
const resources = JSON.parse(readFileSync(join(here, "resources.json"), "utf8")) as Record<string, { properties: string[] }>;
const examples = readdirSync(join(here, "examples"))
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((file) => ({ file, example: JSON.parse(readFileSync(join(here, "examples", file), "utf8")) as Example }));

let emu: Emulator;
setupEmulator((started) => (emu = started));

const fill = (text: string, saved: Record<string, string>) => text.replace(/\{(\w+)\}/g, (whole, name: string) => saved[name] ?? whole);

async function send(step: Step, token: string, saved: Record<string, string>) {
  const res = await call(emu, `/beta${fill(step.path, saved)}`, { method: step.method ?? "GET", token, body: step.body, headers: step.headers });
  for (const [name, path] of Object.entries(step.save ?? {})) {
    const [value] = at(res.body, path);
    if (typeof value !== "string") throw new Error(`${step.path}: nothing to save at ${path} (status ${res.status})`);
    saved[name] = value;
  }
  return res;
}

describe("Graph beta reference examples", () => {
  it("has examples for every endpoint the emulator serves", () => {
    expect(examples.length).toBeGreaterThanOrEqual(25);
  });

  for (const { file, example } of examples) {
    it(`${file}: ${example.source} (${example.example})`, async () => {
      const token = await appToken(emu);
      const saved: Record<string, string> = {};
      for (const step of example.before ?? []) {
        const res = await send(step, token, saved);
        expect(res.status, `setup ${step.method ?? "GET"} ${step.path}`).toBeLessThan(300);
      }
      const res = await send(example.request, token, saved);
      const { response } = example;
      expect(res.status, JSON.stringify(res.body)).toBe(response.status);
      if (response.body === null) {
        expect(res.body).toBeUndefined();
        return;
      }
      const [documented] = at(response.body, response.expectedAt);
      const answers = at(res.body, response.actualAt);
      expect(answers.length, "the answer has something to compare").toBeGreaterThan(0);
      const options = { ignore: Object.keys(response.ignore ?? {}), nullable: Object.keys(response.nullable ?? {}), matchBy: response.matchBy };
      const differences = answers.flatMap((answer) => compareShape(documented, answer, options));
      expect(differences).toEqual([]);
      if (response.resource) {
        const declared = resources[response.resource]?.properties;
        if (!declared) throw new Error(`unknown resource ${response.resource}`);
        const entities = response.actualAt ? answers : at(res.body, Array.isArray((res.body as { value?: unknown }).value) ? "value[]" : undefined);
        expect(entities.flatMap((entity) => undeclaredProperties(entity, declared))).toEqual([]);
      }
    });
  }
});
