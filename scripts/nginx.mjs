// Finds Debian's nginx; installs it with apt when running as root and none is found (as for Chromium).
import { existsSync } from "node:fs";
import { execFileSync } from "node:child_process";

const CANDIDATES = [process.env.NGINX_PATH, "/usr/sbin/nginx", "/usr/bin/nginx"].filter(Boolean);

function found() {
  return CANDIDATES.find((path) => existsSync(path));
}

export function ensureNginx() {
  const existing = found();
  if (existing) return existing;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot) {
    console.log("nginx not found: installing Debian's nginx package with apt-get…");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    execFileSync("apt-get", ["update"], { stdio: "inherit", env });
    execFileSync("apt-get", ["install", "-y", "--no-install-recommends", "nginx"], { stdio: "inherit", env });
    const installed = found();
    if (installed) return installed;
  }
  console.error("nginx was not found. Install Debian's nginx (sudo apt-get install nginx) or set NGINX_PATH.");
  process.exit(1);
}
