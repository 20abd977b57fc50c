/** Builds and runs the Kubernetes YAML oracle (main.go: sigs.k8s.io/yaml from Debian's Go packages) over a batch of files. */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What kubectl makes of one document: the JSON it sends, or the error it prints. */
export type OracleDocument = { json: string } | { error: string };

const GOCODE = '/usr/share/gocode';
const INSTALL_HINT = 'apt-get install -y golang-go golang-k8s-sigs-yaml-dev (see scripts/prerequisites.mjs)';

export interface Oracle {
  /** Every file's documents, in one process for the whole batch. */
  read(texts: string[]): OracleDocument[][];
  dispose(): void;
}

/** Builds the oracle in a temporary GOPATH (offline, GOPATH mode); throws with the install hint when Go is missing. */
export function buildOracle(): Oracle {
  if (!existsSync('/usr/bin/go') || !existsSync(join(GOCODE, 'src/sigs.k8s.io/yaml/yaml.go'))) {
    throw new Error(`The YAML oracle needs Go and sigs.k8s.io/yaml from Debian: ${INSTALL_HINT}`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'pod-lens-yaml-oracle-'));
  const source = join(dir, 'src', 'k8s-yaml-oracle');
  mkdirSync(source, { recursive: true });
  copyFileSync(join(__dirname, 'main.go'), join(source, 'main.go'));
  const binary = join(dir, 'oracle');
  execFileSync('go', ['build', '-o', binary, 'k8s-yaml-oracle'], {
    cwd: source,
    env: { ...process.env, GO111MODULE: 'off', GOPATH: `${dir}:${GOCODE}`, GOCACHE: join(dir, 'cache'), GOFLAGS: '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return {
    read(texts) {
      const out = execFileSync(binary, [], { input: JSON.stringify(texts), maxBuffer: 1 << 30 });
      return JSON.parse(out.toString('utf8')) as OracleDocument[][];
    },
    dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
