/**
 * A loopback stub for what the real registry will not do on demand: slow answers, a wrong Docker-Content-Digest,
 * a redirect to another host, 429 with Retry-After, no digest header. It records what each request carried.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubRequest {
  method: string;
  path: string;
  hadAuthorization: boolean;
}

export interface Stub {
  host: string;
  base: string;
  requests: StubRequest[];
  stop: () => Promise<void>;
}

export type StubHandler = (req: IncomingMessage, res: ServerResponse) => void;

export async function startStub(handler: StubHandler): Promise<Stub> {
  const requests: StubRequest[] = [];
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', path: req.url ?? '', hadAuthorization: req.headers.authorization !== undefined });
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    host: `127.0.0.1:${port}`,
    base: `http://127.0.0.1:${port}`,
    requests,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
