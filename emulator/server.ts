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
import { handleGraphHttp } from "./graph/handler";
import { BodyTooLargeError, headerValue, sendJson } from "./http";
import { Store } from "./store";

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

export async function startEmulator(overrides: Partial<EmulatorOptions> = {}): Promise<EmulatorHandle> {
  const options = defaultOptions(overrides);
  const clock = new Clock();
  const store = new Store({
    clock,
    seed: { partners: options.partners, deleted: options.deleted },
    stateFile: options.stateFile,
    log: options.log,
  });
  const faults = new Faults(options.faults);
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

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const clientRequestId = headerValue(req, "client-request-id") ?? requestId;
    res.setHeader("request-id", requestId);
    res.setHeader("client-request-id", clientRequestId);
    const url = new URL(req.url ?? "/", "http://emulator.invalid");
    const path = url.pathname;
    if (path === "/_emulator" || path.startsWith("/_emulator/")) return handleControl({ store, faults, clock, entra }, req, res, path);

    const [, first = "", ...rest] = path.split("/");
    if (first === "beta" || first === "v1.0") {
      return handleGraphHttp(graphEnv, req, res, url, first, { requestId, clientRequestId }, publicUrl());
    }
    if (first && entra.acceptsTenant(first)) {
      res.setHeader("x-ms-request-id", requestId);
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
    sendJson(res, 404, { error: { code: "NotFound", message: `Nothing is served at '${path}'.` } });
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (error instanceof BodyTooLargeError) return sendJson(res, 413, { error: { code: "RequestEntityTooLarge", message: error.message } });
      options.log(`Unhandled error on ${req.method} ${req.url}: ${(error as Error).stack ?? String(error)}`);
      sendJson(res, 500, { error: { code: "generalException", message: "The emulator failed to process the request." } });
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
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
