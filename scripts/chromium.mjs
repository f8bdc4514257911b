// Finds Debian's Chromium for Playwright; installs it with apt when running as root and none is found.
import { existsSync } from "node:fs";
import { execFileSync } from "node:child_process";

const CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean);

function found() {
  return CANDIDATES.find((path) => existsSync(path));
}

function hasApt() {
  try {
    execFileSync("sh", ["-c", "command -v apt-get"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

export function ensureChromium() {
  const existing = found();
  if (existing) return existing;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && hasApt()) {
    console.log("Chromium not found: installing Debian's chromium package with apt-get…");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    execFileSync("apt-get", ["update"], { stdio: "inherit", env });
    execFileSync("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], { stdio: "inherit", env });
    const installed = found();
    if (installed) return installed;
  }
  console.error(
    [
      "Chromium was not found, so the browser tests cannot run.",
      "Install Debian's Chromium (sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary.",
      "Playwright's own browser download is not used by this project.",
    ].join("\n"),
  );
  process.exit(1);
}
