// A tiny loopback HTTP server whose answers each test scripts exactly, for transport behaviour the
// simulator does not model (redirects, odd bodies, echoed tokens, hanging responses).
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RawRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export type RawHandler = (req: RawRequest, res: http.ServerResponse) => void;

export interface RawServer {
  url: string;
  requests: RawRequest[];
  handle: RawHandler;
  close(): Promise<void>;
}

export async function startRawServer(handle: RawHandler = (_q, res) => res.end()): Promise<RawServer> {
  const requests: RawRequest[] = [];
  const state: RawServer = { url: '', requests, handle, close: async () => undefined };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw: RawRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(raw);
      state.handle(raw, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}

export function json(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
