import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures";

/** An action's id and a page that serves it, from the build's server reference manifest (what an attacker reads from the public JS). */
function actionEndpoint(name: string): { id: string; path: string } {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; exportedName?: string }>;
  };
  for (const [id, entry] of Object.entries(manifest.node)) {
    const page = Object.keys(entry.workers).find((worker) => worker.startsWith("app/") && !worker.includes("["));
    if (entry.exportedName === name && page) return { id, path: page.replace(/^app/, "").replace(/\/page$/, "").replace(/\/\([^/]*\)/g, "") || "/" };
  }
  throw new Error(`no endpoint for ${name} in this build`);
}

const postAction = (request: import("@playwright/test").APIRequestContext, { id, path }: { id: string; path: string }, body: string) =>
  request.post(path, { headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" }, data: body });

test("an unauthenticated POST past the 128 KB body limit is refused before the action runs", async ({ request }) => {
  const endpoint = actionEndpoint("listAuditEntries");
  // 512 KiB: under Next.js's default limit of 1 MB, so only next.config.ts's own limit refuses it.
  const person = `${"@".repeat(512 * 1024)}x`;
  const hostile = await postAction(request, endpoint, JSON.stringify(["a.b.c", { query: { since: "2026-11-01T00:00:00Z", initiatedByUpn: person } }]));
  expect(hostile.status()).toBeGreaterThanOrEqual(400);
  expect(await hostile.text()).not.toContain("InvalidArgument");

  // The same action, reached with a small hostile body, refuses it itself in fixed words: the id and page are right.
  const small = await postAction(request, endpoint, JSON.stringify(["a.b.c", { query: { since: "2026-11-01T00:00:00Z", initiatedByUpn: "@@@@x" } }]));
  expect(small.status()).toBe(200);
  const answer = await small.text();
  expect(answer).toContain('"code":"InvalidArgument"');
  expect(answer).not.toContain("@@@@x");
});
