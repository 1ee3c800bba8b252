// Loopback servers that misbehave the way real networks do, for the network-fault tests. Every
// one listens on 127.0.0.1 and connects only to 127.0.0.1: nothing leaves the machine.
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface Closable {
  close(): Promise<void>;
}

function closeServer(server: net.Server, sockets: Set<net.Socket>): Promise<void> {
  for (const s of sockets) s.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}

function track(server: net.Server): Set<net.Socket> {
  const sockets = new Set<net.Socket>();
  server.on('connection', (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return sockets;
}

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** An HTTP proxy that accepts the TCP connection and drops it as soon as it sees CONNECT. */
export async function startDroppingProxy(): Promise<Closable & { url: string; connections(): number }> {
  let connections = 0;
  const server = http.createServer((_req, res) => res.destroy());
  const sockets = track(server);
  server.on('connection', () => connections++);
  server.on('connect', (_req: http.IncomingMessage, socket: net.Socket) => socket.destroy());
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}`,
    connections: () => connections,
    close: () => closeServer(server, sockets),
  };
}

/** Accepts TCP connections and never says a word (a TLS handshake to it never completes). */
export async function startBlackhole(): Promise<
  Closable & { port: number; open(): number; accepted(): number }
> {
  let accepted = 0;
  const server = net.createServer((socket) => {
    accepted++;
    socket.on('error', () => undefined);
    socket.resume(); // read (and ignore) the ClientHello, so the client's hang-up is seen
  });
  const sockets = track(server);
  const port = await listen(server);
  return {
    port,
    open: () => sockets.size,
    accepted: () => accepted,
    close: () => closeServer(server, sockets),
  };
}

export interface SeenConnect {
  target: string;
  authorization?: string;
  apiKeySeen: boolean;
}

/**
 * An HTTP proxy that requires `Proxy-Authorization` (answers 407 without it) and tunnels CONNECT
 * for the listed host names to loopback ports.
 */
export async function startAuthProxy(options: {
  authorization: string;
  routes: Record<string, number>;
}): Promise<Closable & { url: string; connects: SeenConnect[] }> {
  const connects: SeenConnect[] = [];
  const server = http.createServer((_req, res) => {
    res.writeHead(405);
    res.end();
  });
  const sockets = track(server);
  server.on('connect', (req: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
    const target = req.url ?? '';
    const authorization = req.headers['proxy-authorization'];
    connects.push({
      target,
      ...(authorization !== undefined ? { authorization } : {}),
      apiKeySeen: req.headers['x-api-key'] !== undefined,
    });
    if (authorization !== options.authorization) {
      socket.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\nContent-Length: 0\r\n\r\n',
      );
      return;
    }
    const port = options.routes[target.replace(/:443$/, '')];
    if (port === undefined) {
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const upstream = net.connect(port, '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}`, connects, close: () => closeServer(server, sockets) };
}

export interface TlsRequest {
  path: string;
  apiKey: boolean;
  proxyAuthorization: boolean;
}

/** An HTTPS server on loopback with the given key and certificate; counts requests and API keys. */
export async function startTlsServer(
  key: string,
  cert: string,
  handle: (req: http.IncomingMessage, res: http.ServerResponse) => void,
): Promise<Closable & { port: number; url: string; requests: TlsRequest[] }> {
  const requests: TlsRequest[] = [];
  const server = https.createServer({ key, cert }, (req, res) => {
    requests.push({
      path: req.url ?? '',
      apiKey: req.headers['x-api-key'] !== undefined,
      proxyAuthorization: req.headers['proxy-authorization'] !== undefined,
    });
    handle(req, res);
  });
  const sockets = track(server);
  const port = await listen(server);
  return { port, url: `https://127.0.0.1:${port}`, requests, close: () => closeServer(server, sockets) };
}

export type WriteFault = 'slow' | 'reset' | 'truncated' | 'malformed' | 'gateway504' | 'huge' | 'ok';

/**
 * A miniature project service that applies a create (POST /ng/api/projects) first and then answers
 * the way `fault` says: never (slow), by resetting the connection, with a body cut short, with
 * malformed JSON, with a gateway timeout, with an endless body, or properly. A second create of
 * the same identifier gets DUPLICATE_FIELD, as Harness answers; GET reads a project back.
 */
export async function startApplyingServer(): Promise<
  Closable & { url: string; fault: WriteFault; applied: string[]; posts(): number }
> {
  const applied: string[] = [];
  let posts = 0;
  const state = {
    url: '',
    fault: 'ok' as WriteFault,
    applied,
    posts: () => posts,
    close: async (): Promise<void> => undefined,
  };
  const json = (res: http.ServerResponse, status: number, body: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const read = /^\/ng\/api\/projects\/([^/]+)$/.exec(url.pathname);
      if (req.method === 'GET' && read) {
        const id = decodeURIComponent(read[1]);
        if (!applied.includes(id)) {
          json(res, 404, { status: 'ERROR', code: 'RESOURCE_NOT_FOUND', message: `Project ${id} not found` });
          return;
        }
        json(res, 200, {
          status: 'SUCCESS',
          data: {
            project: { identifier: id, name: id, orgIdentifier: url.searchParams.get('orgIdentifier') },
          },
        });
        return;
      }
      if (req.method !== 'POST' || url.pathname !== '/ng/api/projects') {
        json(res, 404, { status: 'ERROR', code: 'RESOURCE_NOT_FOUND', message: 'no such endpoint' });
        return;
      }
      posts++;
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { project: { identifier: string } };
      const id = body.project.identifier;
      if (applied.includes(id)) {
        json(res, 400, {
          status: 'ERROR',
          code: 'DUPLICATE_FIELD',
          message: `A project with identifier [${id}] already exists`,
        });
        return;
      }
      applied.push(id);
      const ok = JSON.stringify({
        status: 'SUCCESS',
        data: { project: { identifier: id, name: id, orgIdentifier: url.searchParams.get('orgIdentifier') } },
      });
      switch (state.fault) {
        case 'slow':
          return; // applied, never answered
        case 'reset':
          req.socket.resetAndDestroy();
          return;
        case 'truncated':
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(ok.length) });
          res.write(ok.slice(0, 20));
          setTimeout(() => req.socket.destroy(), 20);
          return;
        case 'malformed':
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(ok.slice(0, 30));
          return;
        case 'gateway504':
          res.writeHead(504, { 'content-type': 'text/html' });
          res.end('<html><head><title>504 Gateway Time-out</title></head></html>');
          return;
        case 'huge': {
          res.writeHead(200, { 'content-type': 'application/json' });
          const chunk = Buffer.alloc(1024 * 1024, 0x20);
          const pump = (): void => {
            while (!res.destroyed && res.write(chunk));
            if (!res.destroyed) res.once('drain', pump);
          };
          res.on('error', () => undefined);
          pump();
          return;
        }
        default:
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(ok);
      }
    });
  });
  const sockets = track(server);
  const port = await listen(server);
  state.url = `http://127.0.0.1:${port}`;
  state.close = () => closeServer(server, sockets);
  return state;
}

/**
 * Answers every request with a body of `totalBytes` (chunked, or with Content-Length when
 * `declareLength`), and records how many bytes it managed to write before the client hung up.
 */
export async function startHugeBodyServer(options: {
  totalBytes: number;
  declareLength?: boolean;
}): Promise<Closable & { url: string; written(): number; clientClosed(): boolean }> {
  let written = 0;
  let clientClosed = false;
  const server = http.createServer((_req, res) => {
    res.writeHead(200, {
      'content-type': 'application/json',
      ...(options.declareLength ? { 'content-length': String(options.totalBytes) } : {}),
    });
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    res.on('close', () => {
      if (!res.writableFinished) clientClosed = true;
    });
    res.on('error', () => undefined);
    const pump = (): void => {
      while (!res.destroyed && written < options.totalBytes) {
        written += chunk.length;
        if (!res.write(chunk)) {
          res.once('drain', pump);
          return;
        }
      }
      if (!res.destroyed) res.end();
    };
    pump();
  });
  const sockets = track(server);
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}`,
    written: () => written,
    clientClosed: () => clientClosed,
    close: () => closeServer(server, sockets),
  };
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
