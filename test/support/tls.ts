/** A throwaway self-signed certificate for 127.0.0.1 and localhost, made with openssl, for TLS and token signing. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SelfSigned {
  dir: string;
  certFile: string;
  keyFile: string;
  cert: string;
  key: string;
  /** Base64 DER of the certificate, for a JWT x5c header. */
  derBase64: string;
}

export function selfSigned(cn = 'localhost'): SelfSigned {
  const dir = mkdtempSync(join(tmpdir(), 'pod-lens-tls-'));
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '2', '-subj', `/CN=${cn}`, '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'], { stdio: 'ignore' });
  const cert = readFileSync(certFile, 'utf8');
  const derBase64 = cert.replace(/-----(BEGIN|END) CERTIFICATE-----|\s/g, '');
  return { dir, certFile, keyFile, cert, key: readFileSync(keyFile, 'utf8'), derBase64 };
}
