/** docker-config-secret: a kubernetes.io/dockerconfigjson Secret whose .dockerconfigjson the kubelet could not use. */
import { isScalar } from 'yaml';
import { decodeBase64 } from '../k8s/base64';
import { objectOfKind } from '../model/api/kind-view';
import { scalarContentStart } from '../model/node-view';
import type { Rule } from './types';

export const dockerConfigSecret: Rule = {
  id: 'docker-config-secret',
  defaultSeverity: 'error',
  title: 'Invalid docker config Secret',
  source:
    'validation.go ValidateSecret: type kubernetes.io/dockerconfigjson requires `.dockerconfigjson` (`Required value`) holding valid JSON (`Invalid value: …: invalid character…`); `data` values must be base64. The kubelet reads `auths.<host>.auth` as base64 of user:password.',
  description:
    'A Secret of type `kubernetes.io/dockerconfigjson` without a `.dockerconfigjson` key, with a value that is not base64 (in `data`) or not JSON, without an `auths` map, or with an `auth` entry that does not decode to `user:password`. The first ones are rejected by the API server; the last makes every pull with it anonymous. Messages never show the values.',
  howToFix: 'Generate it with `kubectl create secret docker-registry <name> --docker-server=… --docker-username=… --docker-password=…`.',
  consequence: 'The API server rejects a missing key, bad base64 or bad JSON; bad entries make pulls anonymous.',
  check({ document, report }) {
    const secret = objectOfKind(document, 'Secret');
    if (!secret || secret.type?.value !== 'kubernetes.io/dockerconfigjson') return;
    const field = secret.stringData.get('.dockerconfigjson') ?? secret.data.get('.dockerconfigjson');
    if (!field) {
      report({ message: 'Required value: a kubernetes.io/dockerconfigjson Secret needs the .dockerconfigjson key', span: secret.type.span, path: 'data[.dockerconfigjson]' });
      return;
    }
    // stringData wins over data when both hold the key (the API server merges stringData into data).
    const inData = !secret.stringData.has('.dockerconfigjson');
    const path = `${inData ? 'data' : 'stringData'}[.dockerconfigjson]`;
    if (field.value === undefined) {
      report({ message: `Invalid value: must be a string`, span: field.span, path });
      return;
    }
    let json = field.value;
    if (inData) {
      const decoded = decodeBase64(json);
      if (decoded === undefined) {
        report({ message: `Invalid value: not valid base64 (values under data are base64; use stringData for plain JSON)`, span: field.span, path });
        return;
      }
      json = decoded;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch (error) {
      const detail = error instanceof Error ? error.message.replace(/ in JSON.*$/, '') : 'invalid JSON';
      const at = /position (\d+)/.exec(String(error))?.[1];
      // Point inside the value when it is written as plain JSON in stringData.
      const span = !inData && at !== undefined && isScalar(field.node) ? { start: Math.min(field.span.end - 1, scalarContentStart(field.node) + Number(at)), end: Math.min(field.span.end, scalarContentStart(field.node) + Number(at) + 1) } : field.span;
      report({ message: `Invalid value: not valid JSON (${detail})`, span, path });
      return;
    }
    const auths = (parsed as { auths?: unknown } | null)?.auths;
    if (typeof auths !== 'object' || auths === null) {
      report({ message: `the docker config has no "auths" map, so it holds no registry credentials.`, span: field.span, path, severity: 'warning' });
      return;
    }
    for (const [host, entry] of Object.entries(auths as Record<string, { auth?: unknown }>)) {
      if (typeof entry?.auth !== 'string') continue;
      const decoded = decodeBase64(entry.auth) ?? '';
      if (!/^[^:]+:.+$/s.test(decoded)) {
        report({ message: `auths[${host}].auth does not decode to user:password, so pulls from ${host} go without credentials.`, span: field.span, path, severity: 'warning' });
      }
    }
  },
};
