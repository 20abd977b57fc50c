/** Endpoints, challenges and docker-config credentials: the pure parts of the registry client. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseChallenges } from '../../server/src/registry/challenge';
import { configuredRegistries, createCredentialSource } from '../../server/src/registry/credentials';
import { credentialKey, endpointFor, isLoopback } from '../../server/src/registry/endpoint';

const none = { mirrors: {}, insecure: [] };

test('docker.io is served by registry-1.docker.io over HTTPS only', () => {
  assert.deepEqual(endpointFor('docker.io', none).bases, ['https://registry-1.docker.io']);
  assert.equal(credentialKey('docker.io'), 'https://index.docker.io/v1/');
});

test('other hosts: HTTPS only unless loopback or marked insecure', () => {
  assert.deepEqual(endpointFor('registry.example.com', none).bases, ['https://registry.example.com']);
  assert.equal(endpointFor('registry.example.com', none).allowPlainHttp, false);
  assert.deepEqual(endpointFor('registry.example.com:5000', { mirrors: {}, insecure: ['registry.example.com:5000'] }).bases, ['https://registry.example.com:5000', 'http://registry.example.com:5000']);
  for (const h of ['localhost', 'localhost:5000', '127.0.0.1:5000', '127.1.2.3', '[::1]:5000']) assert.ok(isLoopback(h), h);
  for (const h of ['10.0.0.1:5000', 'example.com', 'localhost.example.com']) assert.ok(!isLoopback(h), h);
});

test('mirrors replace the host', () => {
  assert.deepEqual(endpointFor('docker.io', { mirrors: { 'docker.io': 'https://mirror.example.com/' }, insecure: [] }).bases, ['https://mirror.example.com']);
});

test('WWW-Authenticate challenges', () => {
  assert.deepEqual(parseChallenges('Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/nginx:pull"'), [
    { scheme: 'bearer', params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:library/nginx:pull' } },
  ]);
  assert.deepEqual(parseChallenges('Basic realm="Registry Realm"'), [{ scheme: 'basic', params: { realm: 'Registry Realm' } }]);
  assert.deepEqual(parseChallenges(null), []);
});

test('docker config: auth, username/password, identitytoken, Docker Hub key; podman auth.json', async () => {
  const files: Record<string, string> = {
    '/h/.docker/config.json': JSON.stringify({
      auths: {
        'https://index.docker.io/v1/': { auth: Buffer.from('hub:pw').toString('base64') },
        'reg.example.com': { username: 'u', password: 'p' },
        'https://tok.example.com': { identitytoken: 'refresh-me' },
      },
    }),
    '/h/.config/containers/auth.json': JSON.stringify({ auths: { 'quay.example.com': { auth: Buffer.from('q:w').toString('base64') } } }),
  };
  const source = createCredentialSource({ env: {}, home: '/h', readFile: (p) => files[p], runHelper: async () => '' });
  assert.deepEqual(await source.lookup('docker.io'), { kind: 'basic', username: 'hub', password: 'pw' });
  assert.deepEqual(await source.lookup('reg.example.com'), { kind: 'basic', username: 'u', password: 'p' });
  assert.deepEqual(await source.lookup('tok.example.com'), { kind: 'identity-token', token: 'refresh-me' });
  assert.deepEqual(await source.lookup('quay.example.com'), { kind: 'basic', username: 'q', password: 'w' });
  assert.equal(await source.lookup('other.example.com'), undefined);
});

test('credHelpers win over auths; the helper gets the Docker Hub server URL', async () => {
  const asked: string[] = [];
  const source = createCredentialSource({
    env: { DOCKER_CONFIG: '/c' },
    home: '/h',
    readFile: (p) => (p === '/c/config.json' ? JSON.stringify({ credHelpers: { 'docker.io': 'desktop' }, auths: { 'https://index.docker.io/v1/': { auth: 'eDp5' } } }) : undefined),
    runHelper: async (helper, url) => {
      asked.push(`${helper} ${url}`);
      return JSON.stringify({ ServerURL: url, Username: 'h', Secret: 's' });
    },
  });
  assert.deepEqual(await source.lookup('docker.io'), { kind: 'basic', username: 'h', password: 's' });
  assert.deepEqual(asked, ['desktop https://index.docker.io/v1/']);
});

test('configured registries: the hosts of docker and podman configs, never their secrets', () => {
  const files: Record<string, string> = {
    '/h/.docker/config.json': JSON.stringify({ auths: { 'https://index.docker.io/v1/': { auth: 'c2VjcmV0OnNlY3JldA==' }, 'https://reg.example.com/v2/': {} }, credHelpers: { 'gcr.io': 'gcloud' } }),
    '/h/.config/containers/auth.json': JSON.stringify({ auths: { 'quay.example.com': { auth: 'eDp5' } } }),
  };
  const hosts = configuredRegistries({ env: {}, home: '/h', readFile: (p) => files[p] });
  assert.deepEqual(hosts.sort(), ['docker.io', 'gcr.io', 'quay.example.com', 'reg.example.com']);
  assert.ok(!JSON.stringify(hosts).includes('c2Vj'));
});
