import { gzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";

/** The most JavaScript /partners may ship, gzip-compressed, counting every script its HTML loads. */
const BUDGET_KIB = 300;

test(`the JavaScript shipped to /partners stays within ${BUDGET_KIB} KiB gzip`, async ({ request }, testInfo) => {
  const html = await (await request.get("/partners")).text();
  // noModule scripts are legacy polyfills that a current browser never downloads.
  const sources = [...html.matchAll(/<script\b[^>]*>/g)]
    .map((match) => match[0])
    .filter((tag) => !/\bnomodule\b/i.test(tag))
    .map((tag) => /\bsrc="([^"]+)"/.exec(tag)?.[1]?.replace(/&amp;/g, "&"))
    .filter((source): source is string => Boolean(source));
  expect(sources.length).toBeGreaterThan(0);
  let total = 0;
  for (const source of new Set(sources)) {
    const response = await request.get(source);
    expect(response.ok(), source).toBe(true);
    total += gzipSync(await response.body()).length;
  }
  const kib = Math.round((total / 1024) * 10) / 10;
  testInfo.annotations.push({ type: "bundle", description: `${kib} KiB gzip in ${new Set(sources).size} scripts` });
  console.log(`/partners ships ${kib} KiB of JavaScript (gzip) in ${new Set(sources).size} scripts; budget ${BUDGET_KIB} KiB.`);
  expect(kib).toBeLessThanOrEqual(BUDGET_KIB);
});
