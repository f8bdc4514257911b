import { spawn } from "node:child_process";
import { chromium } from "@playwright/test";
import { startEmulatorProcess } from "../bench/emulator-process";

const emulator = await startEmulatorProcess({ partners: 2000, port: 4610 });
const dashboard = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", "3600"], { env: { ...process.env, EMULATOR_URL: emulator.url, NEXT_TELEMETRY_DISABLED: "1" }, stdio: "ignore", detached: true });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
try {
  for (let i = 0; i < 300; i++) { try { if ((await fetch("http://localhost:3600/signed-out")).status < 500) break; } catch {} await new Promise((r) => setTimeout(r, 100)); }
  const page = await browser.newPage({ bypassCSP: true });
  const captured: { headers: Record<string, string>; body: string; url: string }[] = [];
  page.on("request", (r) => { if (r.method() === "POST" && r.headers()["next-action"]) captured.push({ headers: r.headers(), body: r.postData() ?? "", url: r.url() }); });
  await page.goto("http://localhost:3600/partners");
  await page.getByLabel("Username").fill("admin@contoso.example");
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Sign out" }).waitFor();
  await page.waitForTimeout(3000);
  await emulator.setLatency(200);
  const first = captured[0]!;
  console.log("captured", captured.length, first.body.slice(0, 80));
  const count = async () => ((await (await fetch(`${emulator.url}/_emulator/requests`)).json()) as { answered: Record<string, number> }).answered["GET /beta/policies/crossTenantAccessPolicy/partners"] ?? 0;
  const controller = new AbortController();
  const before = await count();
  const started = Date.now();
  const response = await fetch(first.url, { method: "POST", headers: first.headers, body: first.body, signal: controller.signal });
  const reader = response.body!.getReader();
  let chunks = 0;
  try {
    for (;;) {
      const { done } = await reader.read();
      if (done) break;
      if (++chunks === 8) { controller.abort(); console.log("aborted at", Date.now() - started, "pages read", (await count()) - before); }
    }
  } catch (error) { console.log("read ended", String(error).slice(0, 60)); }
  for (let i = 0; i < 6; i++) { await new Promise((r) => setTimeout(r, 500)); console.log("pages read", Date.now() - started, (await count()) - before); }
} finally {
  await browser.close();
  if (dashboard.pid) process.kill(-dashboard.pid, "SIGTERM");
  await emulator.stop();
}
