import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Clock } from "../clock";
import { DEFAULT_TENANT_ID } from "../entra/directory";
import { writeStateFileAtomic, type PersistedState } from "../persistence";
import { SAVE_DELAY_MS, Store } from "../store";
import { adminToken, call, start, sync } from "./helpers";

vi.mock("../persistence", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../persistence")>();
  return { ...actual, writeStateFileAtomic: vi.fn(actual.writeStateFileAtomic) };
});

const writes = vi.mocked(writeStateFileAtomic);
const FABRIKAM = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "emulator-state-"));
  file = join(dir, "state.json");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const saved = () => JSON.parse(readFileSync(file, "utf8")) as PersistedState;
const newStore = () => new Store({ clock: new Clock(), seed: { partners: 0, deleted: 0 }, stateFile: file });

describe("coalesced state-file writes", () => {
  it("many changes in one tick cause one write, within SAVE_DELAY_MS", async () => {
    const store = newStore();
    writes.mockClear();
    for (let i = 0; i < 200; i++) store.seedDeleted(1);
    expect(writes).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(writes).toHaveBeenCalledTimes(1), { timeout: SAVE_DELAY_MS * 10, interval: 5 });
    await sleep(SAVE_DELAY_MS * 2);
    expect(writes).toHaveBeenCalledTimes(1);
    expect(saved().data.bulkCount).toBe(200);
  });

  it("flush() writes pending changes at once and only once", async () => {
    const store = newStore();
    writes.mockClear();
    store.seedDeleted(3);
    store.flush();
    expect(writes).toHaveBeenCalledTimes(1);
    expect(saved().data.bulkCount).toBe(3);
    store.flush();
    await sleep(SAVE_DELAY_MS * 2);
    expect(writes).toHaveBeenCalledTimes(1);
  });

  it("close() writes what is still pending; control changes are written through", async () => {
    const emu = await start({ stateFile: file });
    try {
      expect((await call(emu, "/_emulator/seed-deleted", { method: "POST", body: { count: 2 } })).status).toBe(201);
      expect(saved().data.bulkCount).toBe(2);
      writes.mockClear();
      expect((await call(emu, sync(FABRIKAM), { method: "DELETE", token: await adminToken(emu) })).status).toBe(204);
    } finally {
      const flush = vi.spyOn(emu.store, "flush");
      await emu.close();
      expect(flush).toHaveBeenCalled();
    }
    expect(writes).toHaveBeenCalledTimes(1);
    expect(saved().data.deletedSyncPolicies.some((p) => p.tenantId === FABRIKAM)).toBe(true);
  });
});

describe("what the state file keeps", () => {
  it("the audit log and the default policy survive a restart", async () => {
    const emu = await start({ stateFile: file });
    const admin = await adminToken(emu);
    try {
      expect((await call(emu, sync(FABRIKAM), { method: "DELETE", token: admin })).status).toBe(204);
      const inboundTrust = { isMfaAccepted: true, isCompliantDeviceAccepted: true, isHybridAzureADJoinedDeviceAccepted: false };
      expect((await call(emu, "/beta/policies/crossTenantAccessPolicy/default", { method: "PATCH", token: admin, body: { inboundTrust } })).status).toBe(204);
    } finally {
      await emu.close();
    }
    const again = newStore();
    expect(again.defaultPolicy).toMatchObject({ isServiceDefault: false, inboundTrust: { isCompliantDeviceAccepted: true } });
    const last = again.audit.slice(-2).map((e) => [e.activityDisplayName, e.targetResources[0]?.id]);
    expect(last).toEqual([
      ["Delete a partner cross-tenant identity sync setting", FABRIKAM],
      ["Update the company default cross-tenant access setting", DEFAULT_TENANT_ID],
    ]);
    expect(again.audit.at(-2)?.initiatedBy.user?.userPrincipalName).toBe("admin@contoso.example");
  });
});

describe("sync configurations in the state file", () => {
  it("jobs, scope, partners' inbound settings and the provisioning log survive a restart; an older file gets the seeded ones", async () => {
    const emu = await start({ stateFile: file });
    // The first seeded configuration is the healthy one to Fabrikam.
    const fabrikam = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551";
    let configId = "";
    let logCount = 0;
    try {
      const state = (await call(emu, "/_emulator/sync")).body;
      configId = state.configurations[0].servicePrincipalId;
      expect((await call(emu, `/_emulator/sync/partners/${fabrikam}`, { method: "PUT", body: { inboundAllowed: false } })).status).toBe(200);
      expect((await call(emu, `/_emulator/sync/configurations/${configId}/cycle`, { method: "POST" })).body.code).toBe("Quarantine");
      logCount = emu.store.outbound.state.logs.length;
    } finally {
      await emu.close();
    }
    const again = newStore();
    expect(again.outbound.inbound(fabrikam)).toEqual({ isSyncAllowed: true, inboundAllowed: false });
    expect(again.outbound.configuration(configId)?.job?.status.quarantine?.reason).toBe("EncounteredQuarantineException");
    expect(again.outbound.state.logs).toHaveLength(logCount);

    const older = saved();
    delete older.data.outbound;
    writeStateFileAtomic(file, older);
    const fromOlder = newStore();
    expect(fromOlder.outbound.configuration(configId)?.job?.status.code).toBe("Active");
  });
});
