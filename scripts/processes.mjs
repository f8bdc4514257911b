// Starts the demo's long-running processes and stops all of them together (Ctrl+C, or when one dies).
import { spawn } from "node:child_process";

export function processGroup({ env, onStop = () => undefined }) {
  const children = [];
  let stopping = false;

  function stop(code = 0) {
    if (stopping) return;
    stopping = true;
    for (const child of children) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    setTimeout(() => {
      onStop();
      process.exit(code);
    }, 500);
  }
  process.on("SIGINT", () => stop(0));
  process.on("SIGTERM", () => stop(0));

  function start(name, command, args, output = "ignore") {
    // detached: each child leads its own process group, so stopping it stops everything it started.
    const child = spawn(command, args, { env, detached: true, stdio: ["ignore", output, "inherit"] });
    child.on("exit", (code, signal) => {
      if (!stopping) {
        console.error(`${name} stopped (${signal ?? `exit code ${code}`}); stopping the demo.`);
        stop(code ?? 1);
      }
    });
    children.push(child);
    return child;
  }

  async function waitFor(url, name) {
    for (let attempt = 0; attempt < 240; attempt += 1) {
      if (await answers(url)) return;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    console.error(`${name} did not start at ${url}.`);
    stop(1);
  }

  return { start, waitFor };
}

export async function answers(url) {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}
