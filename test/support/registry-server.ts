/**
 * A real OCI registry for tests: Debian's docker-registry (distribution 2.8) on 127.0.0.1, on a free port, storage in
 * a temp dir; plain, htpasswd Basic, token auth, and TLS configurations.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectOutput, stopChild } from './child';
import { freePort, until } from './free-port';
import type { SelfSigned } from './tls';

export const REGISTRY_BINARY = '/usr/bin/docker-registry';

export interface RegistryOptions {
  htpasswd?: { user: string; password: string };
  token?: { realm: string; service: string; issuer: string; cert: SelfSigned };
  tls?: SelfSigned;
}

export interface Registry {
  host: string;
  base: string;
  port: number;
  stop: () => Promise<void>;
  log: () => string;
}

export async function startRegistry(options: RegistryOptions = {}): Promise<Registry> {
  if (!existsSync(REGISTRY_BINARY)) {
    throw new Error('Debian docker-registry is missing: apt-get install docker-registry apache2-utils (npm test installs it as root)');
  }
  const dir = mkdtempSync(join(tmpdir(), 'pod-lens-registry-'));
  const port = await freePort();
  const lines = [
    'version: 0.1',
    'log:',
    '  level: warn',
    'storage:',
    `  filesystem: {rootdirectory: ${JSON.stringify(join(dir, 'data'))}}`,
    '  delete: {enabled: true}',
    'http:',
    `  addr: 127.0.0.1:${port}`,
    '  secret: pod-lens-test-secret',
  ];
  if (options.tls) lines.push('  tls:', `    certificate: ${JSON.stringify(options.tls.certFile)}`, `    key: ${JSON.stringify(options.tls.keyFile)}`);
  if (options.htpasswd) {
    const file = join(dir, 'htpasswd');
    writeFileSync(file, execFileSync('htpasswd', ['-Bbn', options.htpasswd.user, options.htpasswd.password], { encoding: 'utf8' }));
    lines.push('auth:', '  htpasswd:', '    realm: pod-lens-test', `    path: ${JSON.stringify(file)}`);
  }
  if (options.token) {
    lines.push('auth:', '  token:', `    realm: ${JSON.stringify(options.token.realm)}`, `    service: ${JSON.stringify(options.token.service)}`, `    issuer: ${JSON.stringify(options.token.issuer)}`, `    rootcertbundle: ${JSON.stringify(options.token.cert.certFile)}`);
  }
  const config = join(dir, 'config.yml');
  writeFileSync(config, `${lines.join('\n')}\n`);
  const child: ChildProcess = spawn(REGISTRY_BINARY, ['serve', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  const output = collectOutput(child);
  const scheme = options.tls ? 'https' : 'http';
  const base = `${scheme}://127.0.0.1:${port}`;
  await until('docker-registry to listen', 15_000, async () => {
    if (child.exitCode !== null) throw new Error(`docker-registry exited: ${output()}`);
    try {
      const { connect } = await import('node:net');
      await new Promise<void>((resolve, reject) => {
        const s = connect(port, '127.0.0.1', () => {
          s.end();
          resolve();
        });
        s.on('error', reject);
      });
      return true;
    } catch {
      return undefined;
    }
  });
  return {
    host: `127.0.0.1:${port}`,
    base,
    port,
    log: output,
    stop: async () => {
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
