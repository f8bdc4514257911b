import { spawn } from "node:child_process";
import { chromium } from "@playwright/test";
import { startEmulatorProcess } from "../bench/emulator-process";

const emulator = await startEmulatorProcess({ partners: 400, port: 4610 });
const dashboard = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", "3600"], { env: { ...process.env, EMULATOR_URL: emulator.url, NEXT_TELEMETRY_DISABLED: "1" }, stdio: "ignore", detached: true });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
try {
  for (let i = 0; i < 300; i++) { try { if ((await fetch("http://localhost:3600/signed-out")).status < 500) break; } catch {} await new Promise((r) => setTimeout(r, 100)); }
  await emulator.setLatency(400);
  const page = await browser.newPage({ bypassCSP: true });
  await page.addInitScript({ content: `
    window.__log = [];
    const t0 = performance.now();
    const send = window.fetch;
    window.fetch = function (input, init) {
      const isAction = init && init.method === "POST" && new Headers(init.headers).has("next-action");
      const at = Math.round(performance.now());
      const p = send.apply(this, arguments);
      if (isAction) p.then((r) => {
        window.__log.push([at, "action sent", Math.round(performance.now()), "headers"]);
        const reader = r.clone().body.getReader();
        let n = 0;
        const pump = () => reader.read().then(({ done }) => { n++; if (done) { window.__log.push([Math.round(performance.now()), "action body done after chunks " + n + " sent at " + at]); return; } if (n === 1) window.__log.push([Math.round(performance.now()), "first chunk of action sent at " + at]); pump(); });
        pump();
      });
      return p;
    };
    setInterval(() => {
      const s = document.querySelector('[role="status"]');
      const table = document.querySelector("table");
      const text = (s ? s.textContent : "") + " | " + (table ? table.getAttribute("aria-rowcount") : "-");
      const last = window.__log.at(-1);
      if (!last || last[1] !== text) window.__log.push([Math.round(performance.now()), text]);
    }, 100);
  `});
  // page.on("response", (r) => { if (r.request().method() === "POST") console.log("response", r.url(), r.status(), Date.now() % 100000); });
  // page.on("requestfinished", (r) => { if (r.method() === "POST") console.log("finished", r.url(), Date.now() % 100000); });
  await page.goto("http://localhost:3600/partners");
  await page.getByLabel("Username").fill("admin@contoso.example");
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForTimeout(15000);
  console.log(JSON.stringify(await page.evaluate("window.__log")));
} finally {
  await browser.close();
  if (dashboard.pid) process.kill(-dashboard.pid, "SIGTERM");
  await emulator.stop();
}
