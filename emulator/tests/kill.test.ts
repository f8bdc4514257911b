/**
 * A real kill -9 of the emulator process in the middle of a stream of writes:
 * the state file must still parse and the next start must use it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const TENANT = "7d0c5f8e-3b1a-4c2d-9e8f-1a2b3c4d5e6f";
const children: ChildProcess[] = [];

async function startProcess(stateFile: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "emulator/main.ts"], {
    env: { ...process.env, EMULATOR_PORT: "0", EMULATOR_STATE_FILE: stateFile, EMULATOR_PARTNERS: "2000" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let out = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner: ${out}`)), 20_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/localhost:\d+)/.exec(out);
      if (match?.[1] && out.includes("helpdesk@contoso.example")) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
  return { child, url };
}

async function appToken(url: string): Promise<string> {
  const response = await fetch(`${url}/${TENANT}/oauth2/v2.0/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
      client_secret: "emulator-automation-secret",
      scope: "https://graph.microsoft.com/.default",
    }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
});

describe("EMULATOR_STATE_FILE under kill -9", () => {
  it("never leaves a torn state file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "emulator-kill-"));
    const stateFile = join(dir, "state.json");
    try {
      const first = await startProcess(stateFile);
      const token = await appToken(first.url);
      const partners = `${first.url}/beta/policies/crossTenantAccessPolicy/partners`;
      // A steady stream of writes; the kill lands while some are in flight.
      const created: number[] = [];
      const create = (i: number) =>
        fetch(partners, {
          method: "POST",
          headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
          body: JSON.stringify({ tenantId: `${(0x10000000 + i).toString(16)}-0000-4000-8000-000000000000` }),
        })
          .then((response) => created.push(response.status))
          .catch(() => null);
      for (let i = 0; i < 20; i += 1) await create(i);
      expect(created.every((status) => status === 201)).toBe(true);
      const writes = Array.from({ length: 200 }, (_, i) => create(100 + i));
      await new Promise((resolve) => setTimeout(resolve, 150));
      const exited = new Promise((resolve) => first.child.on("exit", resolve));
      first.child.kill("SIGKILL");
      await exited;
      await Promise.all(writes);

      const saved = JSON.parse(readFileSync(stateFile, "utf8")) as { version: number; data: { partners: { tenantId: string }[] } };
      expect(saved.version).toBe(1);
      // What was acknowledged well before the kill survived it.
      expect(saved.data.partners.some((partner) => partner.tenantId === "10000000-0000-4000-8000-000000000000")).toBe(true);

      const second = await startProcess(stateFile);
      const list = await fetch(`${partners.replace(first.url, second.url)}?$top=1`, { headers: { Authorization: `Bearer ${await appToken(second.url)}` } });
      expect(list.status).toBe(200);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
