// The local Harness API simulator: a real HTTP server on 127.0.0.1 that speaks the shapes of
// the Harness NG API (harness-api.md). Used in-process by tests (plain Node and VS Code's
// extension host require out/test/simulator/server.js), standalone by `npm run sim`, by the
// demo and by benchmarks. Uses only node:http and `yaml`. Never logs anything, tokens included.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { authenticate, logServiceAuth } from './auth';
import type { RequestContext } from './context';
import { errorDto, failureDto, resourceNotFound, SimHttpError, type Reply } from './envelope';
import { refreshExecutions } from './executions';
import { FaultQueue, faultDelayMs, faultReply, truncate } from './faults';
import { correlationId } from './ids';
import type { FaultSpec, RecordedRequest, SimState, SimulatorOptions } from './model';
import { registerAccountRoutes } from './routes/account';
import { registerCdEntityRoutes } from './routes/cd-entities';
import { registerConnectorRoutes } from './routes/connectors';
import { registerExecutionRoutes } from './routes/executions';
import { registerInputSetRoutes } from './routes/inputSets';
import { registerLogRoutes } from './routes/logs';
import { registerGitImportRoutes } from './routes/gitImport';
import { registerPipelineRoutes } from './routes/pipelines';
import { registerProjectRoutes } from './routes/projects';
import { registerSchemaRoutes } from './routes/schemas';
import { registerTemplateRoutes } from './routes/templates';
import { Router } from './router';
import { DEFAULT_SEED, seedState } from './seed';

export type { FaultKind, FaultSpec, RecordedRequest, SimState, SimulatorOptions } from './model';
export { BIG_PROJECT, RESTRICTED_PROJECT, DEFAULT_SEED } from './seed';

export interface Simulator {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  url: string;
  port: number;
  accountId: string;
  /** Fake PAT/SAT-shaped tokens of the simulated account; `limited` is denied one project. */
  tokens: { admin: string; sat: string; limited: string };
  faults: { inject(f: FaultSpec): void; clear(): void };
  /** Every request received, in order (faulted ones included). Clear with `requests.length = 0`. */
  requests: RecordedRequest[];
  state: SimState;
  setPipelineSchema(schema: unknown): void;
  /** Streamed answers (log streams) still being written: a client that closed its end is gone within a second. */
  openStreams(): number;
  close(): Promise<void>;
}

export const DEFAULT_EXECUTION_STEP_MS = 1500;

/** What a page may send and read with `cors` on: the methods and headers the client uses. */
export const CORS_ALLOW_METHODS = 'GET, POST, PUT, DELETE';
export const CORS_ALLOW_HEADERS = 'x-api-key, content-type';
export const CORS_EXPOSE_HEADERS = 'Retry-After';

/**
 * With `cors` on: the Access-Control headers every answer carries (the page's origin echoed, so a
 * page of any origin may read it; `Vary: Origin` keeps caches honest), and the answer to a
 * preflight. Returns true when the request was a preflight and has been answered.
 */
function applyCors(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  const origin = req.headers.origin;
  if (origin) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
  }
  res.setHeader('Access-Control-Expose-Headers', CORS_EXPOSE_HEADERS);
  if (req.method !== 'OPTIONS' || req.headers['access-control-request-method'] === undefined) return false;
  res.writeHead(204, {
    'Access-Control-Allow-Methods': CORS_ALLOW_METHODS,
    'Access-Control-Allow-Headers': CORS_ALLOW_HEADERS,
    'Access-Control-Max-Age': '600',
    // Chrome's Private Network Access: a public page (vscode.dev) asking for a loopback server.
    ...(req.headers['access-control-request-private-network'] === 'true'
      ? { 'Access-Control-Allow-Private-Network': 'true' }
      : {}),
  });
  res.end();
  return true;
}

function buildRouter(): Router {
  const router = new Router();
  registerAccountRoutes(router);
  registerProjectRoutes(router);
  registerConnectorRoutes(router);
  registerGitImportRoutes(router);
  registerPipelineRoutes(router);
  registerExecutionRoutes(router);
  registerInputSetRoutes(router);
  registerLogRoutes(router);
  registerSchemaRoutes(router);
  registerCdEntityRoutes(router);
  registerTemplateRoutes(router);
  return router;
}

function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length === 1 ? all[0] : all;
  }
  return out;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function serialise(reply: Reply): { body: string; contentType: string } {
  if (typeof reply.body === 'string')
    return { body: reply.body, contentType: reply.contentType ?? 'text/plain; charset=utf-8' };
  return { body: JSON.stringify(reply.body), contentType: reply.contentType ?? 'application/json' };
}

export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  if (opts.host !== undefined && opts.host !== '127.0.0.1') {
    throw new Error('the simulator listens on 127.0.0.1 only');
  }
  const state = seedState(opts.seed ?? DEFAULT_SEED);
  const latencyMs = opts.latencyMs ?? 0;
  const executionStepMs = opts.executionStepMs ?? DEFAULT_EXECUTION_STEP_MS;
  const router = buildRouter();
  const faults = new FaultQueue();
  const requests: RecordedRequest[] = [];
  const waits = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  let closed = false;
  let streaming = 0;

  /** A delay that ends early (and reports false) when the simulator closes. */
  const wait = (ms: number): Promise<boolean> =>
    ms <= 0
      ? Promise.resolve(!closed)
      : new Promise((resolve) => {
          const entry = {
            timer: setTimeout(() => {
              waits.delete(entry);
              resolve(!closed);
            }, ms),
            resolve: () => resolve(false),
          };
          waits.add(entry);
        });

  const dispatch = async (
    req: http.IncomingMessage,
    path: string,
    query: URLSearchParams,
    body: string,
    cid: string,
  ): Promise<Reply> => {
    const method = req.method ?? 'GET';
    const match = router.match(method, path);
    // Jersey's own answers through NG's NotFoundExceptionMapper / NotAllowedExceptionMapper:
    // FailureDTO RESOURCE_NOT_FOUND_EXCEPTION, HTTP 400 and 405 (test/contract).
    if (match.kind === 'none') throw resourceNotFound('HTTP 404 Not Found', cid);
    if (match.kind === 'wrong-method') {
      const e = failureDto('HTTP 405 Method Not Allowed', [], cid);
      throw new SimHttpError(
        405,
        { ...e.body, code: 'RESOURCE_NOT_FOUND_EXCEPTION', errors: null },
        { allow: match.allowed.join(', ') },
      );
    }
    const principal = path.startsWith('/gateway/log-service/')
      ? logServiceAuth(state, req.headers, query)
      : authenticate(state, req.headers, query, cid);
    const ctx: RequestContext = {
      method,
      path,
      params: match.params,
      query,
      headers: req.headers,
      body,
      correlationId: cid,
      state,
      principal,
      executionStepMs,
      now: Date.now(),
    };
    return match.handler(ctx);
  };

  const send = (res: http.ServerResponse, reply: Reply, bodyOverride?: string): void => {
    if (res.destroyed || res.writableEnded) return;
    if (reply.stream && bodyOverride === undefined) {
      res.writeHead(reply.status, {
        'content-type': reply.contentType ?? 'text/event-stream',
        'cache-control': 'no-cache',
        ...(reply.headers ?? {}),
      });
      // The client went away (its abort closes the socket): the stream stops at its next wait.
      let gone = false;
      res.once('close', () => (gone = true));
      const alive = async (ms: number): Promise<boolean> => (await wait(ms)) && !res.destroyed && !gone;
      streaming++;
      reply
        .stream((text) => {
          if (!res.destroyed) res.write(text);
        }, alive)
        .catch(() => undefined)
        .finally(() => {
          streaming--;
          if (!res.destroyed) res.end();
        });
      return;
    }
    const { body, contentType } = serialise(reply);
    const payload = bodyOverride ?? body;
    res.writeHead(reply.status, {
      'content-type': contentType,
      'content-length': Buffer.byteLength(payload),
      ...(reply.headers ?? {}),
    });
    res.end(payload);
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const body = await readBody(req);
    const method = req.method ?? 'GET';
    requests.push({
      method,
      path: url.pathname,
      query: queryRecord(url.searchParams),
      headers: { ...req.headers },
      body,
    });
    refreshExecutions(state, Date.now());
    const cid = correlationId();
    const fault = faults.take(method, url.pathname);
    if (fault && !(await wait(faultDelayMs(fault)))) return;
    if (fault?.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    let reply = fault ? faultReply(fault, cid) : undefined;
    if (!reply) {
      try {
        reply = await dispatch(req, url.pathname, url.searchParams, body, cid);
      } catch (e) {
        reply =
          e instanceof SimHttpError
            ? { status: e.status, body: e.body, headers: e.headers }
            : {
                status: 500,
                body: errorDto(500, 'UNEXPECTED', `Simulator bug: ${(e as Error).message}`, cid).body,
              };
      }
    }
    if (!(await wait(latencyMs))) return;
    if (fault?.kind === 'truncated') {
      send(res, { ...reply, status: 200 }, truncate(serialise(reply).body));
      return;
    }
    send(res, reply);
  };

  const server = http.createServer((req, res) => {
    // A preflight is the browser asking, not the client: answered here, never recorded or faulted.
    if (opts.cors && applyCors(req, res)) {
      req.resume();
      return;
    }
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  // Keep-alive sockets must not keep close() waiting.
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const [admin, sat, limited] = state.principals;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    accountId: state.account.identifier,
    tokens: { admin: admin.token, sat: sat.token, limited: limited.token },
    faults: { inject: (f) => faults.inject(f), clear: () => faults.clear() },
    requests,
    state,
    setPipelineSchema: (schema) => {
      state.pipelineSchema = schema;
    },
    openStreams: () => streaming,
    close: () => {
      if (closed) return Promise.resolve();
      closed = true;
      for (const w of waits) {
        clearTimeout(w.timer);
        w.resolve();
      }
      waits.clear();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
