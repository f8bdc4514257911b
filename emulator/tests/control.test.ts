import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { optionsFromEnv } from "../config";
import { isLoopback, isLoopbackHost } from "../http";
import { bulkPartnerName, bulkPartnerTenantId, generatedPartnerTenantId, SEED_PARTNERS } from "../seed";
import { adminToken, appToken, call, DELETED, PARTNERS, rawRequest, start, sync, setupEmulator, type Emulator } from "./helpers";

let emu: Emulator;
setupEmulator((started) => (emu = started));

const FABRIKAM = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551";

describe("control API", () => {
  it("health", async () => {
    const res = await call(emu, "/_emulator/health");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
  });

  it("only loopback addresses count as local", () => {
    expect(isLoopback("127.0.0.1")).toBe(true);
    expect(isLoopback("::1")).toBe(true);
    expect(isLoopback("::ffff:127.0.0.1")).toBe(true);
    expect(isLoopback("10.0.0.5")).toBe(false);
    expect(isLoopback("::ffff:192.168.1.2")).toBe(false);
  });

  it("reset restores the seed and the clock", async () => {
    const token = await adminToken(emu);
    await call(emu, sync(FABRIKAM), { method: "DELETE", token });
    await call(emu, "/_emulator/clock", { method: "POST", body: { advanceDays: 2 } });
    const reset = await call(emu, "/_emulator/reset", { method: "POST" });
    expect(reset.status).toBe(200);
    expect((await call(emu, "/_emulator/clock")).body.offsetMs).toBe(0);
    expect((await call(emu, sync(FABRIKAM), { token: await adminToken(emu) })).status).toBe(200);
  });

  it("faults: get, put (validated), delete", async () => {
    expect((await call(emu, "/_emulator/faults")).body).toMatchObject({ latencyMs: 0, throttleRate: 0, unavailableRate: 0, failNext: [] });
    const put = await call(emu, "/_emulator/faults", { method: "PUT", body: { latencyMs: 5, retryAfterSeconds: 4 } });
    expect(put.body).toMatchObject({ latencyMs: 5, retryAfterSeconds: 4, throttleRate: 0 });
    expect((await call(emu, "/_emulator/faults", { method: "PUT", body: { throttleRate: 2 } })).status).toBe(400);
    expect((await call(emu, "/_emulator/faults", { method: "PUT", body: { nope: 1 } })).status).toBe(400);
    expect((await call(emu, "/_emulator/faults", { method: "PUT", body: "{" })).status).toBe(400);
    await call(emu, "/_emulator/faults/fail-next", { method: "POST", body: { count: 1, path: "/partners", status: 500 } });
    const cleared = await call(emu, "/_emulator/faults", { method: "DELETE" });
    expect(cleared.body).toMatchObject({ latencyMs: 0, retryAfterSeconds: 2, failNext: [] });
  });

  it("requests: counts answered Graph requests by method and path, with each answer's status and time, zeroed by DELETE and by reset", async () => {
    const token = await appToken(emu);
    expect((await call(emu, "/_emulator/requests")).body).toEqual({ answered: {}, latest: [] });
    const before = Date.now();
    await call(emu, `${DELETED}?$top=2`, { token });
    await call(emu, `${DELETED}?$top=2&$skiptoken=2`, { token });
    await call(emu, PARTNERS, { token: "not-a-token" });
    await call(emu, "/_emulator/health");
    const log = (await call(emu, "/_emulator/requests")).body as { answered: unknown; latest: { method: string; path: string; status: number; at: number }[] };
    expect(log.answered).toEqual({ [`GET ${DELETED}`]: 2, [`GET ${PARTNERS}`]: 1 });
    expect(log.latest.map(({ method, path, status }) => [method, path, status])).toEqual([
      ["GET", DELETED, 200],
      // A $skiptoken the emulator never handed out is refused, and counted all the same.
      ["GET", DELETED, 400],
      ["GET", PARTNERS, 401],
    ]);
    expect(log.latest.every((answer) => answer.at >= before && answer.at <= Date.now())).toBe(true);
    expect((await call(emu, "/_emulator/requests", { method: "DELETE" })).body).toEqual({ answered: {}, latest: [] });
    await call(emu, PARTNERS, { token });
    await call(emu, "/_emulator/reset", { method: "POST" });
    expect((await call(emu, "/_emulator/requests")).body).toEqual({ answered: {}, latest: [] });
  });

  it("latency delays Graph requests", async () => {
    const token = await appToken(emu);
    const waits: number[] = [];
    emu.faults.sleep = async (ms) => {
      waits.push(ms);
    };
    await call(emu, "/_emulator/faults", { method: "PUT", body: { latencyMs: 120 } });
    await call(emu, "/_emulator/health");
    expect(waits).toEqual([]);
    expect((await call(emu, PARTNERS, { token })).status).toBe(200);
    expect(waits).toEqual([120]);
  });

  it("latency: a read answers the state it found on arrival; a write changes nothing until the latency has passed", async () => {
    const token = await adminToken(emu);
    let release = () => {};
    const held: string[] = [];
    emu.faults.sleep = (ms) => {
      held.push(String(ms));
      return new Promise<void>((resolve) => (release = resolve));
    };
    await call(emu, "/_emulator/faults", { method: "PUT", body: { latencyMs: 200 } });
    const until = async (count: number) => {
      while (held.length < count) await new Promise((resolve) => setTimeout(resolve, 5));
    };

    // A GET on its way while a write lands: its answer is what it found, from before the write.
    const reading = call(emu, sync(FABRIKAM), { token });
    await until(1);
    emu.faults.update({ latencyMs: 0 });
    expect((await call(emu, sync(FABRIKAM), { method: "PATCH", token, body: { userSyncInbound: { isSyncAllowed: false } } })).status).toBe(204);
    release();
    expect((await reading).body.userSyncInbound.isSyncAllowed).toBe(true);

    // A PATCH on its way has changed nothing until the latency has passed.
    emu.faults.update({ latencyMs: 200 });
    const writing = call(emu, sync(FABRIKAM), { method: "PATCH", token, body: { userSyncInbound: { isSyncAllowed: true } } });
    await until(2);
    emu.faults.update({ latencyMs: 0 });
    expect((await call(emu, sync(FABRIKAM), { token })).body.userSyncInbound.isSyncAllowed).toBe(false);
    release();
    expect((await writing).status).toBe(204);
    expect((await call(emu, sync(FABRIKAM), { token })).body.userSyncInbound.isSyncAllowed).toBe(true);

    // A $batch of GETs is a read; one holding a write is a write.
    emu.faults.update({ latencyMs: 200 });
    const item = { id: "1", url: `/policies/crossTenantAccessPolicy/partners/${FABRIKAM}/identitySynchronization` };
    const batchRead = call(emu, "/beta/$batch", { method: "POST", token, body: { requests: [{ ...item, method: "GET" }] } });
    await until(3);
    emu.faults.update({ latencyMs: 0 });
    expect((await call(emu, sync(FABRIKAM), { method: "PATCH", token, body: { userSyncInbound: { isSyncAllowed: false } } })).status).toBe(204);
    release();
    expect((await batchRead).body.responses[0].body.userSyncInbound.isSyncAllowed).toBe(true);
    emu.faults.update({ latencyMs: 200 });
    const batchWrite = call(emu, "/beta/$batch", { method: "POST", token, body: { requests: [{ ...item, method: "PATCH", headers: { "Content-Type": "application/json" }, body: { userSyncInbound: { isSyncAllowed: true } } }] } });
    await until(4);
    emu.faults.update({ latencyMs: 0 });
    expect((await call(emu, sync(FABRIKAM), { token })).body.userSyncInbound.isSyncAllowed).toBe(false);
    release();
    expect((await batchWrite).body.responses[0].status).toBe(204);
    expect((await call(emu, sync(FABRIKAM), { token })).body.userSyncInbound.isSyncAllowed).toBe(true);
    expect(held).toEqual(["200", "200", "200", "200"]);
  });

  it("fail-next: matching path and method, Retry-After for 429/503, then back to normal", async () => {
    const token = await appToken(emu);
    const rule = await call(emu, "/_emulator/faults/fail-next", { method: "POST", body: { count: 2, path: "/identitySynchronization", status: 503, method: "GET" } });
    expect(rule.status).toBe(201);
    expect((await call(emu, PARTNERS, { token })).status).toBe(200);
    const first = await call(emu, sync(FABRIKAM), { token });
    expect(first.status).toBe(503);
    expect(first.body.error.code).toBe("serviceNotAvailable");
    expect(first.headers.get("retry-after")).toBe("2");
    expect(first.headers.get("request-id")).toBeTruthy();
    expect((await call(emu, sync(FABRIKAM), { method: "PATCH", token, body: { displayName: "Fabrikam" } })).status).toBe(204);
    expect((await call(emu, sync(FABRIKAM), { token })).status).toBe(503);
    expect((await call(emu, sync(FABRIKAM), { token })).status).toBe(200);

    await call(emu, "/_emulator/faults/fail-next", { method: "POST", body: { count: 1, path: "/beta/policies/deletedItems", status: 500 } });
    const err = await call(emu, DELETED, { token });
    expect(err.status).toBe(500);
    expect(err.headers.get("retry-after")).toBeNull();
    expect((await call(emu, "/_emulator/faults/fail-next", { method: "POST", body: { path: "/x" } })).status).toBe(400);
  });

  it("random throttling answers 429 with Retry-After", async () => {
    const token = await appToken(emu);
    await call(emu, "/_emulator/faults", { method: "PUT", body: { throttleRate: 1, retryAfterSeconds: 9 } });
    const res = await call(emu, PARTNERS, { token });
    expect(res.status).toBe(429);
    expect(res.body.error.code).toBe("TooManyRequests");
    expect(res.headers.get("retry-after")).toBe("9");
  });

  it("clock: get and advance", async () => {
    const before = Date.parse((await call(emu, "/_emulator/clock")).body.now);
    const moved = await call(emu, "/_emulator/clock", { method: "POST", body: { advanceDays: 1, advanceMs: 1000 } });
    expect(Date.parse(moved.body.now) - before).toBeGreaterThanOrEqual(86_401_000);
    expect((await call(emu, "/_emulator/clock", { method: "POST", body: { advanceDays: -1 } })).status).toBe(400);
  });

  it("seed-deleted adds restorable partners deleted 3 days ago", async () => {
    const res = await call(emu, "/_emulator/seed-deleted", { method: "POST", body: { count: 25 } });
    expect(res.status).toBe(201);
    expect(res.body.tenantIds).toHaveLength(25);
    expect(res.body.partners[0]).toEqual({ tenantId: bulkPartnerTenantId(1), displayName: "Bulk Partner 01" });
    const token = await appToken(emu);
    const list = await call(emu, `${DELETED}?$count=true&$top=999`, { token });
    expect(list.body["@odata.count"]).toBe(31);
    const bulk = list.body.value.find((p: { tenantId: string }) => p.tenantId === bulkPartnerTenantId(25));
    expect(bulk.displayName).toBe(bulkPartnerName(25));
    expect(Math.round((emu.clock.now() - Date.parse(bulk.deletedDateTime)) / 86_400_000)).toBe(3);
    expect((await call(emu, `${DELETED}/${bulkPartnerTenantId(25)}/restore`, { method: "POST", token })).status).toBe(200);
    const more = await call(emu, "/_emulator/seed-deleted", { method: "POST", body: { count: 1 } });
    expect(more.body.partners[0].displayName).toBe("Bulk Partner 26");
    expect((await call(emu, "/_emulator/seed-deleted", { method: "POST", body: {} })).status).toBe(400);
  });

  it("unknown control endpoints are 404", async () => {
    expect((await call(emu, "/_emulator/nope")).status).toBe(404);
  });
});

describe("control API refuses browsers (CSRF, DNS rebinding)", () => {
  const host = () => `localhost:${emu.port}`;
  const JSON_TYPE = { "Content-Type": "application/json" };

  it("answers a plain local client: loopback Host names, with or without port", async () => {
    for (const name of ["localhost", host(), `127.0.0.1:${emu.port}`, "127.0.0.1", `[::1]:${emu.port}`, "LocalHost:1"]) {
      const res = await rawRequest(emu, "/_emulator/health", { headers: { Host: name } });
      expect(res.status, name).toBe(200);
    }
    for (const site of ["same-origin", "none"]) {
      expect((await rawRequest(emu, "/_emulator/health", { headers: { Host: host(), "Sec-Fetch-Site": site } })).status).toBe(200);
    }
  });

  it("403 for any Origin header, even a local one", async () => {
    for (const origin of ["https://evil.example", "http://localhost:3000", "null"]) {
      const res = await rawRequest(emu, "/_emulator/reset", { method: "POST", headers: { Host: host(), Origin: origin, ...JSON_TYPE } });
      expect(res.status, origin).toBe(403);
      expect(res.body.error.code).toBe("Forbidden");
      expect(res.body.error.message).toMatch(/Origin/);
      expect(res.headers.get("access-control-allow-origin")).toBeNull();
    }
  });

  it("403 for Sec-Fetch-Site cross-site and same-site", async () => {
    for (const site of ["cross-site", "same-site", "Cross-Site"]) {
      const res = await rawRequest(emu, "/_emulator/health", { headers: { Host: host(), "Sec-Fetch-Site": site } });
      expect(res.status, site).toBe(403);
      expect(res.body.error.code).toBe("Forbidden");
    }
  });

  it("403 when Host is not localhost, 127.0.0.1 or [::1] (a rebound DNS name)", async () => {
    for (const name of ["evil.example", `evil.example:${emu.port}`, "localhost.evil.example", "127.0.0.1.nip.io", "0.0.0.0", "[::1]x", "localhost:"]) {
      const res = await rawRequest(emu, "/_emulator/health", { headers: { Host: name } });
      expect(res.status, name).toBe(403);
      expect(res.body.error.code).toBe("Forbidden");
    }
    expect(isLoopbackHost(undefined)).toBe(false);
    expect(isLoopbackHost("127.0.0.1:4010")).toBe(true);
  });

  it("415 without Content-Type: application/json on POST, PUT and DELETE, and nothing changes", async () => {
    await call(emu, "/_emulator/faults", { method: "PUT", body: { latencyMs: 7 } });
    const attempts: [string, string, string | undefined, string | undefined][] = [
      ["POST", "/_emulator/reset", undefined, undefined],
      ["POST", "/_emulator/clock", "text/plain", '{"advanceDays":1}'],
      ["POST", "/_emulator/clock", "application/x-www-form-urlencoded", "advanceDays=1"],
      ["PUT", "/_emulator/faults", "text/plain", '{"latencyMs":1}'],
      ["DELETE", "/_emulator/faults", undefined, undefined],
      ["POST", "/_emulator/seed-deleted", "multipart/form-data; boundary=x", undefined],
    ];
    for (const [method, path, type, body] of attempts) {
      const headers: Record<string, string> = { Host: host() };
      if (type) headers["Content-Type"] = type;
      const res = await rawRequest(emu, path, { method, headers, body });
      expect(res.status, `${method} ${path} ${type}`).toBe(415);
      expect(res.body.error.code).toBe("UnsupportedMediaType");
    }
    expect((await call(emu, "/_emulator/clock")).body.offsetMs).toBe(0);
    expect((await call(emu, "/_emulator/faults")).body.latencyMs).toBe(7);
  });

  it("an empty body with Content-Type: application/json is fine (reset, DELETE faults)", async () => {
    const reset = await rawRequest(emu, "/_emulator/reset", { method: "POST", headers: { Host: host(), ...JSON_TYPE } });
    expect(reset.status).toBe(200);
    expect(reset.body.ok).toBe(true);
    const cleared = await rawRequest(emu, "/_emulator/faults", { method: "DELETE", headers: { Host: host(), "Content-Type": "Application/JSON; charset=utf-8" } });
    expect(cleared.status).toBe(200);
  });

  it("403 comes before 415", async () => {
    const res = await rawRequest(emu, "/_emulator/reset", { method: "POST", headers: { Host: host(), Origin: "https://evil.example" } });
    expect(res.status).toBe(403);
  });
});

describe("environment", () => {
  it("reads EMULATOR_* variables and refuses bad values", () => {
    const o = optionsFromEnv({
      EMULATOR_PORT: "4999",
      EMULATOR_HOST: "127.0.0.1",
      EMULATOR_LATENCY_MS: "50",
      EMULATOR_THROTTLE_RATE: "0.1",
      EMULATOR_UNAVAILABLE_RATE: "0.05",
      EMULATOR_PARTNERS: "5000",
      EMULATOR_DELETED: "25",
      EMULATOR_STATE_FILE: "/tmp/x.json",
      EMULATOR_TENANT_ID: "AAAAAAAA-3B1A-4C2D-9E8F-1A2B3C4D5E6F",
      EMULATOR_CLIENT_SECRET: "s",
      EMULATOR_USER_PASSWORD: "p",
      EMULATOR_REDIRECT_URIS: "https://demo.example/redirect, http://127.0.0.1:3000/redirect",
      EMULATOR_TOKEN_LIFETIME_SECONDS: "600",
    });
    expect(o).toMatchObject({
      port: 4999,
      host: "127.0.0.1",
      partners: 5000,
      deleted: 25,
      stateFile: "/tmp/x.json",
      tenantId: "aaaaaaaa-3b1a-4c2d-9e8f-1a2b3c4d5e6f",
      clientSecret: "s",
      userPassword: "p",
      redirectUris: ["https://demo.example/redirect", "http://127.0.0.1:3000/redirect"],
      tokenLifetimeSeconds: 600,
      faults: { latencyMs: 50, throttleRate: 0.1, unavailableRate: 0.05 },
    });
    expect(optionsFromEnv({}).host, "loopback unless EMULATOR_HOST says otherwise").toBe("127.0.0.1");
    expect(optionsFromEnv({ EMULATOR_HOST: "::" }).host).toBe("::");
    expect(() => optionsFromEnv({ EMULATOR_PARTNERS: "20000" })).toThrow(/EMULATOR_PARTNERS/);
    expect(() => optionsFromEnv({ EMULATOR_THROTTLE_RATE: "abc" })).toThrow(/EMULATOR_THROTTLE_RATE/);
    expect(() => optionsFromEnv({ EMULATOR_TENANT_ID: "contoso" })).toThrow(/EMULATOR_TENANT_ID/);
  });

  it("EMULATOR_PARTNERS and EMULATOR_DELETED build a large deterministic tenant that pages by 100", async () => {
    const big = await start({ partners: 1200, deleted: 25 });
    try {
      const token = await appToken(big);
      let next: string | undefined = `${PARTNERS}?$expand=identitySynchronization`;
      const ids = new Set<string>();
      let pages = 0;
      while (next) {
        const res = await call(big, next, { token });
        expect(res.body.value.length).toBeLessThanOrEqual(100);
        for (const p of res.body.value) ids.add(p.tenantId);
        next = res.body["@odata.nextLink"];
        pages++;
      }
      expect(ids.size).toBe(1200);
      expect(pages).toBe(12);
      const deleted = await call(big, `${DELETED}?$count=true`, { token });
      expect(deleted.body["@odata.count"]).toBe(6 + 25);
      expect(deleted.body.value.some((p: { displayName: string }) => p.displayName === "Bulk Partner 01")).toBe(true);
    } finally {
      await big.close();
    }
    const again = await start({ partners: 1200, deleted: 25 });
    try {
      const token = await appToken(again);
      const res = await call(again, `${PARTNERS}?$top=3&$skiptoken=${Buffer.from("offset:1100").toString("base64url")}`, { token });
      expect(res.body.value[0].tenantId).toBe(generatedPartnerTenantId(1060));
      const info = await call(again, `/v1.0/tenantRelationships/findTenantInformationByTenantId(tenantId='${generatedPartnerTenantId(1060)}')`, { token });
      expect(info.body).toMatchObject({ displayName: "Generated Partner 01060", defaultDomainName: "generatedpartner01060.onmicrosoft.com" });
    } finally {
      await again.close();
    }
  });

  it("custom tenant, password and redirect URIs", async () => {
    const custom = await start({ tenantId: "aaaaaaaa-3b1a-4c2d-9e8f-1a2b3c4d5e6f", userPassword: "pw", redirectUris: ["https://demo.example/redirect"] });
    try {
      const cfg = await call(custom, "/aaaaaaaa-3b1a-4c2d-9e8f-1a2b3c4d5e6f/v2.0/.well-known/openid-configuration");
      expect(cfg.body.issuer).toBe(`${custom.url}/aaaaaaaa-3b1a-4c2d-9e8f-1a2b3c4d5e6f/v2.0`);
      expect((await call(custom, "/7d0c5f8e-3b1a-4c2d-9e8f-1a2b3c4d5e6f/v2.0/.well-known/openid-configuration")).status).toBe(404);
    } finally {
      await custom.close();
    }
  });
});

describe("persistence", () => {
  it("EMULATOR_STATE_FILE keeps changes across restarts, written atomically", async () => {
    const dir = mkdtempSync(join(tmpdir(), "emulator-state-"));
    const file = join(dir, "state.json");
    try {
      const first = await start({ stateFile: file });
      try {
        expect(existsSync(file)).toBe(true);
        const token = await adminToken(first);
        expect((await call(first, sync(FABRIKAM), { method: "DELETE", token })).status).toBe(204);
        await call(first, "/_emulator/clock", { method: "POST", body: { advanceDays: 1.5 } });
      } finally {
        await first.close();
      }
      expect(readdirSync(dir)).toEqual(["state.json"]);
      const saved = JSON.parse(readFileSync(file, "utf8")) as { version: number; clockOffsetMs: number };
      expect(saved.version).toBe(1);
      expect(saved.clockOffsetMs).toBe(1.5 * 86_400_000);

      // A temp file left by a kill -9 mid-write must not matter.
      writeFileSync(`${file}.99999.tmp`, "{ torn");
      const second = await start({ stateFile: file });
      try {
        const token = await adminToken(second);
        expect((await call(second, sync(FABRIKAM), { token })).status).toBe(404);
        const deleted = await call(second, `${DELETED}/${FABRIKAM}`, { token });
        expect(deleted.status).toBe(200);
        // The 29-day-old item was purged by the 1.5 days the clock moved; Fabrikam's joined.
        expect((await call(second, `${DELETED}?$count=true`, { token })).body["@odata.count"]).toBe(6 - 1 + 1);
        await call(second, "/_emulator/reset", { method: "POST" });
        expect((await call(second, sync(FABRIKAM), { token: await adminToken(second) })).status).toBe(200);
      } finally {
        await second.close();
      }
      const reset = JSON.parse(readFileSync(file, "utf8")) as { data: { syncPolicies: { tenantId: string }[] } };
      expect(reset.data.syncPolicies.some((p) => p.tenantId === FABRIKAM)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("an unreadable state file is moved aside and the seed is used", async () => {
    const dir = mkdtempSync(join(tmpdir(), "emulator-state-"));
    const file = join(dir, "state.json");
    writeFileSync(file, "not json");
    try {
      const emu2 = await start({ stateFile: file });
      try {
        expect(emu2.store.partners.size).toBe(SEED_PARTNERS.length);
        expect(readdirSync(dir).some((f) => f.startsWith("state.json.unreadable-"))).toBe(true);
      } finally {
        await emu2.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("main.ts", () => {
  it("prints its URLs and demo accounts, and stops on SIGTERM", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "emulator/main.ts"], {
      env: { ...process.env, EMULATOR_PORT: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no banner: ${out}`)), 15_000);
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes("helpdesk@contoso.example")) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    expect(out).toMatch(/listening on http:\/\/localhost:\d+/);
    expect(out).toContain("admin@contoso.example");
    const exit = new Promise<number | null>((resolve) => child.on("exit", resolve));
    child.kill("SIGTERM");
    expect(await exit).toBe(0);
  });
});
