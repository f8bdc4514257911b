/**
 * Composes the emulator: one node:http server that routes /_emulator/* to the
 * control API, /beta and /v1.0 to Graph, /{tenant}/... to Entra. startEmulator()
 * is what main.ts runs and what tests start in-process on port 0.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Clock } from "./clock";
import { defaultOptions, type EmulatorOptions } from "./config";
import { handleControl } from "./control";
import { SigningKey } from "./entra/keys";
import { Entra } from "./entra/oauth";
import { TokenIssuer } from "./entra/tokens";
import { Faults } from "./faults";
import type { GraphEnv } from "./graph/dispatch";
import { codeForStatus, errorEnvelope, messageForStatus, type ErrorIds } from "./graph/errors";
import { handleGraphHttp } from "./graph/handler";
import { BodyTooLargeError, corsHeaders, headerValue, sendJson, type Headers } from "./http";
import { RequestLog } from "./request-log";
import { Store } from "./store";
import { TenantDirectory } from "./tenants";
import { ReportsThrottle } from "./graph/reports-throttle";

export interface EmulatorHandle {
  /** http://localhost:<port> */
  url: string;
  port: number;
  tenantId: string;
  issuer: string;
  clock: Clock;
  store: Store;
  faults: Faults;
  entra: Entra;
  /** In-process token minting, for tests and the benchmark. */
  tokens: TokenIssuer;
  close(): Promise<void>;
}

const BASE = "http://emulator.invalid";

/** Never throws: it also serves the answer to a request whose URL did not parse. */
function pathOf(req: IncomingMessage): string {
  try {
    return new URL(req.url ?? "/", BASE).pathname;
  } catch {
    return "/";
  }
}

export async function startEmulator(overrides: Partial<EmulatorOptions> = {}): Promise<EmulatorHandle> {
  const options = defaultOptions(overrides);
  const clock = new Clock();
  const store = new Store({
    clock,
    seed: { partners: options.partners, deleted: options.deleted, syncConfigurations: options.syncConfigurations, provisioningLogs: options.provisioningLogs },
    stateFile: options.stateFile,
    log: options.log,
  });
  const faults = new Faults(options.faults);
  const requests = new RequestLog();
  const key = await SigningKey.generate();
  let port = options.port;
  const publicUrl = () => `http://localhost:${port}`;
  const issuer = () => `${publicUrl()}/${options.tenantId}/v2.0`;
  const tokens = new TokenIssuer({ key, clock, tenantId: options.tenantId, issuer, lifetimeSeconds: options.tokenLifetimeSeconds });
  const entra = new Entra({
    config: {
      tenantId: options.tenantId,
      clientSecret: options.clientSecret,
      userPassword: options.userPassword,
      redirectUris: options.redirectUris,
    },
    key,
    clock,
    tokens,
    publicUrl,
  });
  const graphEnv: GraphEnv = {
    store,
    tenants: new TenantDirectory({ partners: options.partners, deleted: options.deleted }, () => store.bulkPartners, options.tenantId),
    reports: new ReportsThrottle(options.reportsLimit),
    onDemand: new ReportsThrottle(5),
    clock,
    faults,
    tokenCheck: {
      key,
      clock,
      tenantId: options.tenantId,
      get issuer() {
        return issuer();
      },
    },
  };

  type Area = "control" | "graph" | "entra" | "other";
  function areaOf(path: string): Area {
    if (path === "/_emulator" || path.startsWith("/_emulator/")) return "control";
    const first = path.split("/")[1] ?? "";
    if (first === "beta" || first === "v1.0") return "graph";
    return first && entra.acceptsTenant(first) ? "entra" : "other";
  }

  /** Errors the server answers itself use Graph's envelope, so every one names its request-id. */
  function sendError(
    req: IncomingMessage,
    res: ServerResponse,
    ids: ErrorIds,
    status: number,
    code: string,
    message: string,
    headers: Headers = {},
  ): void {
    const area = areaOf(pathOf(req));
    // Browsers must be able to read Graph's and the token endpoint's errors; the control API stays without CORS.
    const cors = area === "graph" || area === "entra" ? corsHeaders(req) : {};
    sendJson(res, status, errorEnvelope(ids, code, message), { ...cors, ...headers });
  }

  async function route(req: IncomingMessage, res: ServerResponse, ids: ErrorIds): Promise<void> {
    const url = new URL(req.url ?? "/", BASE);
    const path = url.pathname;
    const area = areaOf(path);
    if (area === "control") return handleControl({ store, faults, clock, entra, reports: graphEnv.reports, onDemand: graphEnv.onDemand, requests }, req, res, path);

    const [, first = "", ...rest] = path.split("/");
    if (first === "beta" || first === "v1.0") {
      await handleGraphHttp(graphEnv, req, res, url, first, ids, publicUrl());
      return requests.record(req.method ?? "GET", path, res.statusCode);
    }
    if (area === "entra") {
      res.setHeader("x-ms-request-id", ids.requestId);
      return entra.handle(req, res, url, rest.join("/"));
    }
    if (path === "/") {
      return sendJson(res, 200, {
        name: "Microsoft Graph (beta) + Entra ID emulator",
        graph: [`${publicUrl()}/beta`, `${publicUrl()}/v1.0`],
        openIdConfiguration: `${issuer()}/.well-known/openid-configuration`,
        control: `${publicUrl()}/_emulator/health`,
      });
    }
    sendError(req, res, ids, 404, "NotFound", `Nothing is served at '${path}'.`);
  }

  function requestIds(req: IncomingMessage, res: ServerResponse): ErrorIds {
    const requestId = randomUUID();
    const clientRequestId = headerValue(req, "client-request-id") ?? requestId;
    res.setHeader("request-id", requestId);
    res.setHeader("client-request-id", clientRequestId);
    return { requestId, clientRequestId };
  }

  const server = createServer((req, res) => {
    const ids = requestIds(req, res);
    route(req, res, ids).catch((error: unknown) => {
      // The unread rest of the body is dropped with the socket, so the client must not reuse it.
      if (error instanceof BodyTooLargeError) return sendError(req, res, ids, 413, "RequestEntityTooLarge", error.message, { Connection: "close" });
      options.log(`Unhandled error on ${req.method} ${req.url}: ${(error as Error).stack ?? String(error)}`);
      sendError(req, res, ids, 500, codeForStatus(500), messageForStatus(500));
    });
  });
  server.keepAliveTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: publicUrl(),
    port,
    tenantId: options.tenantId,
    issuer: issuer(),
    clock,
    store,
    faults,
    entra,
    tokens,
    close: async () => {
      try {
        await new Promise<void>((resolve, reject) => {
          server.close((error) => (error ? reject(error) : resolve()));
          server.closeAllConnections();
        });
      } finally {
        // Coalesced writes may be pending; this is what SIGINT/SIGTERM rely on.
        store.flush();
      }
    },
  };
}
