// Finds Debian's nginx (installs it with apt when running as root and none is found, as for
// Chromium), and writes the configuration `npm run demo:scale` runs it with.
import { existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";

/**
 * Server actions per client address: each is a public POST that makes Graph calls, so one address
 * may not send them faster than this, on average, across every instance. The burst is what the UI
 * itself may send at once: a tab sends its actions one after another, and the heaviest normal use,
 * a fresh browser opening a 10,000-partner tenant, is 100 list pages plus at most 500 name lookups
 * of 20 (about 600 calls in a few seconds against a fast Graph); restoring 600 selected policies is
 * 2 calls of at most 500, then a few pages of re-reads. 1,000 at once leaves room for a second tab;
 * after that, 20 a second.
 */
export const SERVER_ACTION_LIMIT = { ratePerSecond: 20, burst: 1000 };

/** The nginx configuration: round-robin over the instances, server-action POSTs limited per client address. */
export function nginxConf({ port, instancePorts, workDir }) {
  const temp = (name) => join(workDir, name);
  return `worker_processes 1;
daemon off;
pid ${temp("nginx.pid")};
error_log ${temp("error.log")} warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${temp("body")};
  proxy_temp_path ${temp("proxy")};
  fastcgi_temp_path ${temp("fastcgi")};
  uwsgi_temp_path ${temp("uwsgi")};
  scgi_temp_path ${temp("scgi")};

  # A server action is a POST with a Next-Action header. Only those are counted, per client address
  # (behind another proxy, set the address from its header with the realip module first); pages,
  # static files and everything else have an empty key, which limit_req does not count.
  map "$request_method:$http_next_action" $server_action_client {
    "~^POST:." $binary_remote_addr;
    default "";
  }
  limit_req_zone $server_action_client zone=server_actions:10m rate=${SERVER_ACTION_LIMIT.ratePerSecond}r/s;
  limit_req_status 429;

  upstream dashboard {
${instancePorts.map((instancePort) => `    server 127.0.0.1:${instancePort};`).join("\n")}
  }
  server {
    listen ${port};
    location / {
      limit_req zone=server_actions burst=${SERVER_ACTION_LIMIT.burst} nodelay;
      error_page 429 = @too_many_server_actions;
      proxy_pass http://dashboard;
      proxy_http_version 1.1;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      # Which instance answered, so the demo (and its browser test) can show both at work.
      add_header X-Dashboard-Instance $upstream_addr always;
    }
    # Over the limit: 429, and when to try again (one more call is allowed every 1/${SERVER_ACTION_LIMIT.ratePerSecond} s).
    location @too_many_server_actions {
      default_type text/plain;
      add_header Retry-After 1 always;
      return 429 "Too many requests\n";
    }
  }
}
`;
}

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
