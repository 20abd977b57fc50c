/**
 * Proxies: the client reaches a registry through an HTTP CONNECT proxy (HTTPS_PROXY or the editor's http.proxy), and
 * NO_PROXY bypasses it. The proxy is a small CONNECT tunnel in the test that maps a made-up host to the real
 * docker-registry on 127.0.0.1 (no other host is ever contacted).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createDigestResolver } from '../../server/src/registry/resolver';
import { pushImage, type PushedImage } from '../support/push-image';
import { startRegistry, type Registry } from '../support/registry-server';

let registry: Registry;
let pushed: PushedImage;
let proxy: Server;
let proxyUrl: string;
const tunnels: string[] = [];

before(async () => {
  registry = await startRegistry();
  pushed = await pushImage({ base: registry.base }, 'via/proxy', '1', 'oci-manifest');
  proxy = createServer((client: Socket) => {
    client.once('data', (head) => {
      const line = head.toString('latin1').split('\r\n')[0] ?? '';
      const m = /^CONNECT ([^ :]+):(\d+) /.exec(line);
      // Only the made-up registry host is tunnelled, and only to the local registry.
      if (!m || m[1] !== 'registry.proxied.test') {
        client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
        return;
      }
      tunnels.push(`${m[1]}:${m[2]}`);
      const upstream = connect(registry.port, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});

after(async () => {
  proxy.close();
  await registry.stop();
});

test('HTTPS_PROXY carries registry traffic (the registry is insecure by configuration: plain HTTP inside the tunnel)', async () => {
  const r = createDigestResolver({ insecure: ['registry.proxied.test'], env: { HTTPS_PROXY: proxyUrl, HTTP_PROXY: proxyUrl } });
  const got = await r.resolve({ registry: 'registry.proxied.test', repository: 'via/proxy', reference: '1' });
  assert.equal(got.digest, pushed.digest);
  assert.ok(tunnels.some((t) => t.startsWith('registry.proxied.test:')), `tunnels: ${tunnels.join(', ')}`);
});

test('the editor’s http.proxy works the same; NO_PROXY bypasses the proxy', async () => {
  const before = tunnels.length;
  const viaSetting = createDigestResolver({ insecure: ['registry.proxied.test'], proxy: proxyUrl, env: {} });
  assert.equal((await viaSetting.resolve({ registry: 'registry.proxied.test', repository: 'via/proxy', reference: '1' })).digest, pushed.digest);
  assert.ok(tunnels.length > before);
  // Loopback never goes through a proxy, and NO_PROXY names are honoured: the loopback registry is reached directly.
  const count = tunnels.length;
  const direct = createDigestResolver({ env: { HTTPS_PROXY: proxyUrl, HTTP_PROXY: proxyUrl, NO_PROXY: 'example.com' } });
  assert.equal((await direct.resolve({ registry: registry.host, repository: 'via/proxy', reference: '1' })).digest, pushed.digest);
  assert.equal(tunnels.length, count);
});
