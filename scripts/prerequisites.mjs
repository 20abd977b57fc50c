// Checks what the test suite needs outside npm and installs what is missing (Debian packages need root).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian package → a file that proves it is installed. */
export const DEBIAN_PACKAGES = {
  'docker-registry': '/usr/bin/docker-registry',
  'apache2-utils': '/usr/bin/htpasswd',
  openssl: '/usr/bin/openssl',
  unzip: '/usr/bin/unzip',
  // The differential test builds Kubernetes' own YAML reader (sigs.k8s.io/yaml over gopkg.in/yaml.v2) offline.
  'golang-go': '/usr/bin/go',
  'golang-k8s-sigs-yaml-dev': '/usr/share/gocode/src/sigs.k8s.io/yaml/yaml.go',
  // The catalog's patch merge keys are checked against the Kubernetes v1.13 swagger kube-openapi ships as test data.
  'golang-k8s-kube-openapi-dev': '/usr/share/gocode/src/k8s.io/kube-openapi/pkg/schemaconv/testdata/swagger.json',
};

export function missingPackages(packages = DEBIAN_PACKAGES) {
  return Object.entries(packages)
    .filter(([, file]) => !existsSync(file))
    .map(([name]) => name);
}

export function ensureDebianPackages(packages = DEBIAN_PACKAGES) {
  const missing = missingPackages(packages);
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    console.error(`The tests need Debian packages that are missing: ${missing.join(', ')}.\nRun as root:\n  ${command}`);
    process.exit(1);
  }
  console.log(`installing ${missing.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...missing]]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (r.status !== 0) {
      console.error(`apt-get ${args.join(' ')} failed`);
      process.exit(1);
    }
  }
  const still = missingPackages(packages);
  if (still.length) {
    console.error(`still missing after apt-get: ${still.join(', ')}`);
    process.exit(1);
  }
}

export function run(cmd, args) {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  execFileSync(cmd, args, { stdio: 'inherit' });
}
