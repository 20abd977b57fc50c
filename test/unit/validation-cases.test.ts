/**
 * Invalid pod specs written from validation.go and warnings.go (kubernetes-rules.md §C): each must be found with the
 * field path the API server would name. Valid specs must give no finding of these rules.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis/analyze';
import { parseManifests } from '../../server/src/analysis/model/manifest';

/** A Pod whose spec is `spec` (indented two spaces under `spec:`). */
function pod(spec: string): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${spec.replace(/^/gm, '  ')}\n`;
}
/** A Deployment whose template spec is `spec`. */
function deploy(spec: string): string {
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n    spec:\n${spec.replace(/^/gm, '      ')}\n`;
}
const app = 'containers:\n- name: app\n  image: nginx:1.27';

type Case = [name: string, text: string, rule: string, path: string];
const CASES: Case[] = [
  ['container without image', pod('containers:\n- name: a'), 'container-image-required', 'spec.containers[0].image'],
  ['template container without image', deploy('containers:\n- name: a'), 'container-image-required', 'spec.template.spec.containers[0].image'],
  ['init container without image', pod(`initContainers:\n- name: i\n${app}`), 'container-image-required', 'spec.initContainers[0].image'],
  ['container without name', pod('containers:\n- image: nginx:1.27'), 'container-name', 'spec.containers[0].name'],
  ['container name with capitals', pod('containers:\n- name: Web\n  image: nginx:1.27'), 'container-name', 'spec.containers[0].name'],
  ['container name with dots', pod('containers:\n- name: a.b\n  image: nginx:1.27'), 'container-name', 'spec.containers[0].name'],
  ['container name over 63', pod(`containers:\n- name: ${'a'.repeat(64)}\n  image: nginx:1.27`), 'container-name', 'spec.containers[0].name'],
  ['duplicate app container name', pod(`${app}\n- name: app\n  image: nginx:1.27`), 'container-name-duplicate', 'spec.containers[1].name'],
  ['init name clashing with app', pod(`initContainers:\n- name: app\n  image: busybox:1.36\n${app}`), 'container-name-duplicate', 'spec.initContainers[0].name'],
  ['ephemeral name clashing', pod(`${app}\nephemeralContainers:\n- name: app\n  image: busybox:1.36`), 'container-name-duplicate', 'spec.ephemeralContainers[0].name'],
  ['no containers', pod('containers: []'), 'containers-required', 'spec.containers'],
  ['containers missing', pod('initContainers:\n- name: i\n  image: busybox:1.36'), 'containers-required', 'spec.containers'],
  ['init livenessProbe', pod(`initContainers:\n- name: i\n  image: busybox:1.36\n  livenessProbe:\n    exec: {command: ["true"]}\n${app}`), 'init-container-forbidden-field', 'spec.initContainers[0].livenessProbe'],
  ['init readinessProbe', pod(`initContainers:\n- name: i\n  image: busybox:1.36\n  readinessProbe:\n    exec: {command: ["true"]}\n${app}`), 'init-container-forbidden-field', 'spec.initContainers[0].readinessProbe'],
  ['init startupProbe', pod(`initContainers:\n- name: i\n  image: busybox:1.36\n  startupProbe:\n    exec: {command: ["true"]}\n${app}`), 'init-container-forbidden-field', 'spec.initContainers[0].startupProbe'],
  ['init lifecycle', pod(`initContainers:\n- name: i\n  image: busybox:1.36\n  lifecycle:\n    preStop: {exec: {command: ["true"]}}\n${app}`), 'init-container-forbidden-field', 'spec.initContainers[0].lifecycle'],
  ['init restartPolicy OnFailure before restart rules', `# pod-lens: kubernetes-version=1.33\n` + pod(`initContainers:\n- name: i\n  image: busybox:1.36\n  restartPolicy: OnFailure\n${app}`), 'init-container-restart-policy', 'spec.initContainers[0].restartPolicy'],
  ['init restartPolicy Never before restart rules', `# pod-lens: kubernetes-version=1.33\n` + pod(`initContainers:\n- name: i\n  image: busybox:1.36\n  restartPolicy: Never\n${app}`), 'init-container-restart-policy', 'spec.initContainers[0].restartPolicy'],
  ['init restartPolicy wrong case', pod(`initContainers:\n- name: i\n  image: busybox:1.36\n  restartPolicy: always\n${app}`), 'init-container-restart-policy', 'spec.initContainers[0].restartPolicy'],
  ['app container restartPolicy before restart rules', `# pod-lens: kubernetes-version=1.33\n` + pod(`${app}\n  restartPolicy: Always`), 'container-restart-policy', 'spec.containers[0].restartPolicy'],
  ['ephemeral containers on create', pod(`${app}\nephemeralContainers:\n- name: dbg\n  image: busybox:1.36`), 'ephemeral-containers', 'spec.ephemeralContainers'],
  ['ephemeral ports', pod(`${app}\nephemeralContainers:\n- name: dbg\n  image: busybox:1.36\n  ports:\n  - containerPort: 80`), 'ephemeral-containers', 'spec.ephemeralContainers[0].ports'],
  ['ephemeral resources', pod(`${app}\nephemeralContainers:\n- name: dbg\n  image: busybox:1.36\n  resources: {}`), 'ephemeral-containers', 'spec.ephemeralContainers[0].resources'],
  ['ephemeral probe', pod(`${app}\nephemeralContainers:\n- name: dbg\n  image: busybox:1.36\n  readinessProbe: {exec: {command: ["true"]}}`), 'ephemeral-containers', 'spec.ephemeralContainers[0].readinessProbe'],
  ['ephemeral unknown target', pod(`${app}\nephemeralContainers:\n- name: dbg\n  image: busybox:1.36\n  targetContainerName: nope`), 'ephemeral-containers', 'spec.ephemeralContainers[0].targetContainerName'],
  ['containerPort 0', pod(`${app}\n  ports:\n  - containerPort: 0`), 'port-invalid', 'spec.containers[0].ports[0].containerPort'],
  ['containerPort too big', pod(`${app}\n  ports:\n  - containerPort: 65536`), 'port-invalid', 'spec.containers[0].ports[0].containerPort'],
  ['containerPort missing', pod(`${app}\n  ports:\n  - name: http`), 'port-invalid', 'spec.containers[0].ports[0].containerPort'],
  ['hostPort too big', pod(`${app}\n  ports:\n  - {containerPort: 80, hostPort: 70000}`), 'port-invalid', 'spec.containers[0].ports[0].hostPort'],
  ['protocol lower case', pod(`${app}\n  ports:\n  - {containerPort: 80, protocol: udp}`), 'port-invalid', 'spec.containers[0].ports[0].protocol'],
  ['protocol unknown', pod(`${app}\n  ports:\n  - {containerPort: 80, protocol: HTTP}`), 'port-invalid', 'spec.containers[0].ports[0].protocol'],
  ['port name too long', pod(`${app}\n  ports:\n  - {containerPort: 80, name: abcdefghijklmnop}`), 'port-name', 'spec.containers[0].ports[0].name'],
  ['port name digits only', pod(`${app}\n  ports:\n  - {containerPort: 80, name: "8080"}`), 'port-name', 'spec.containers[0].ports[0].name'],
  ['port name double hyphen', pod(`${app}\n  ports:\n  - {containerPort: 80, name: a--b}`), 'port-name', 'spec.containers[0].ports[0].name'],
  ['port name duplicate', pod(`${app}\n  ports:\n  - {containerPort: 80, name: web}\n  - {containerPort: 81, name: web}`), 'port-name', 'spec.containers[0].ports[1].name'],
  ['host port conflict', pod(`${app}\n  ports:\n  - {containerPort: 80, hostPort: 80}\n- name: b\n  image: nginx:1.27\n  ports:\n  - {containerPort: 81, hostPort: 80}`), 'host-port-conflict', 'spec.containers[1].ports[0].hostPort'],
  ['same port in two containers (warning)', pod(`${app}\n  ports:\n  - {containerPort: 80}\n- name: b\n  image: nginx:1.27\n  ports:\n  - {containerPort: 80}`), 'port-duplicate', 'spec.containers[1].ports[0]'],
  ['probe on an undeclared named port', pod(`${app}\n  livenessProbe:\n    httpGet: {path: /, port: web}`), 'probe-port-undeclared', 'spec.containers[0].livenessProbe.httpGet.port'],
  ['probe without handler', pod(`${app}\n  livenessProbe:\n    periodSeconds: 3`), 'probe-invalid', 'spec.containers[0].livenessProbe'],
  ['probe with two handlers', pod(`${app}\n  readinessProbe:\n    exec: {command: ["true"]}\n    tcpSocket: {port: 80}`), 'probe-invalid', 'spec.containers[0].readinessProbe'],
  ['liveness successThreshold 3', pod(`${app}\n  livenessProbe:\n    exec: {command: ["true"]}\n    successThreshold: 3`), 'probe-invalid', 'spec.containers[0].livenessProbe.successThreshold'],
  ['sidecar startup successThreshold 2', pod(`initContainers:\n- name: s\n  image: busybox:1.36\n  restartPolicy: Always\n  startupProbe:\n    exec: {command: ["true"]}\n    successThreshold: 2\n${app}`), 'probe-invalid', 'spec.initContainers[0].startupProbe.successThreshold'],
  ['readiness grace period', pod(`${app}\n  readinessProbe:\n    exec: {command: ["true"]}\n    terminationGracePeriodSeconds: 5`), 'probe-invalid', 'spec.containers[0].readinessProbe.terminationGracePeriodSeconds'],
  ['negative periodSeconds', pod(`${app}\n  readinessProbe:\n    exec: {command: ["true"]}\n    periodSeconds: -1`), 'probe-invalid', 'spec.containers[0].readinessProbe.periodSeconds'],
  ['mount of a missing volume', pod(`${app}\n  volumeMounts:\n  - {name: data, mountPath: /data}`), 'volume-mount-not-found', 'spec.containers[0].volumeMounts[0].name'],
  ['duplicate volume', pod(`${app}\nvolumes:\n- {name: v, emptyDir: {}}\n- {name: v, emptyDir: {}}`), 'volume-name', 'spec.volumes[1].name'],
  ['volume without name', pod(`${app}\nvolumes:\n- emptyDir: {}`), 'volume-name', 'spec.volumes[0].name'],
  ['volume name invalid', pod(`${app}\nvolumes:\n- {name: My_Vol, emptyDir: {}}`), 'volume-name', 'spec.volumes[0].name'],
  ['duplicate mountPath', pod(`${app}\n  volumeMounts:\n  - {name: v, mountPath: /d}\n  - {name: w, mountPath: /d}\nvolumes:\n- {name: v, emptyDir: {}}\n- {name: w, emptyDir: {}}`), 'mount-path-duplicate', 'spec.containers[0].volumeMounts[1].mountPath'],
  ['absolute subPath', pod(`${app}\n  volumeMounts:\n  - {name: v, mountPath: /d, subPath: /x}\nvolumes:\n- {name: v, emptyDir: {}}`), 'sub-path-invalid', 'spec.containers[0].volumeMounts[0].subPath'],
  ['subPath with ..', pod(`${app}\n  volumeMounts:\n  - {name: v, mountPath: /d, subPath: a/../../x}\nvolumes:\n- {name: v, emptyDir: {}}`), 'sub-path-invalid', 'spec.containers[0].volumeMounts[0].subPath'],
  ['gitRepo volume (warning)', pod(`${app}\nvolumes:\n- {name: g, gitRepo: {repository: x}}`), 'volume-deprecated', 'spec.volumes[0].gitRepo'],
  ['rbd volume (warning)', pod(`${app}\nvolumes:\n- {name: r, rbd: {image: x, monitors: [m]}}`), 'volume-deprecated', 'spec.volumes[0].rbd'],
  ['env hides previous (warning)', pod(`${app}\n  env:\n  - {name: A, value: "1"}\n  - {name: A, value: "2"}`), 'env-duplicate', 'spec.containers[0].env[1]'],
  ['env valueFrom with value', pod(`${app}\n  env:\n  - name: A\n    value: x\n    valueFrom: {fieldRef: {fieldPath: metadata.name}}`), 'env-value-from-invalid', 'spec.containers[0].env[0].valueFrom'],
  ['env valueFrom two sources', pod(`${app}\n  env:\n  - name: A\n    valueFrom:\n      fieldRef: {fieldPath: metadata.name}\n      secretKeyRef: {name: s, key: k}`), 'env-value-from-invalid', 'spec.containers[0].env[0].valueFrom'],
  ['env fieldPath unsupported', pod(`${app}\n  env:\n  - name: A\n    valueFrom: {fieldRef: {fieldPath: status.phase}}`), 'env-value-from-invalid', 'spec.containers[0].env[0].valueFrom.fieldRef.fieldPath'],
  ['env $(VAR) defined later (warning)', pod(`${app}\n  env:\n  - {name: A, value: "$(B)"}\n  - {name: B, value: b}`), 'env-reference-undefined', 'spec.containers[0].env[0].value'],
  ['bad cpu quantity', pod(`${app}\n  resources:\n    requests: {cpu: 1core}`), 'resource-quantity-invalid', 'spec.containers[0].resources.requests[cpu]'],
  ['bad memory quantity', pod(`${app}\n  resources:\n    limits: {memory: 1GB}`), 'resource-quantity-invalid', 'spec.containers[0].resources.limits[memory]'],
  ['negative quantity', pod(`${app}\n  resources:\n    requests: {cpu: "-1"}`), 'resource-quantity-invalid', 'spec.containers[0].resources.requests[cpu]'],
  ['request above limit', pod(`${app}\n  resources:\n    requests: {memory: 2Gi}\n    limits: {memory: 1Gi}`), 'resource-request-exceeds-limit', 'spec.containers[0].resources.requests'],
  ['gpu request not equal limit', pod(`${app}\n  resources:\n    requests: {example.com/gpu: 1}\n    limits: {example.com/gpu: 2}`), 'resource-request-exceeds-limit', 'spec.containers[0].resources.requests'],
  ['fractional memory (warning)', pod(`${app}\n  resources:\n    requests: {memory: 100m}`), 'resource-fractional-bytes', 'spec.containers[0].resources.requests[memory]'],
  ['pod restartPolicy wrong case', pod(`restartPolicy: always\n${app}`), 'pod-restart-policy', 'spec.restartPolicy'],
  ['job restartPolicy Always', `apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec:\n      restartPolicy: Always\n      containers: [{name: a, image: "busybox:1.36"}]\n`, 'pod-restart-policy', 'spec.template.spec.restartPolicy'],
  ['deployment restartPolicy Never', deploy(`restartPolicy: Never\n${app}`), 'pod-restart-policy', 'spec.template.spec.restartPolicy'],
  ['activeDeadlineSeconds 0', pod(`activeDeadlineSeconds: 0\n${app}`), 'pod-timing', 'spec.activeDeadlineSeconds'],
  ['negative grace period (warning)', pod(`terminationGracePeriodSeconds: -1\n${app}`), 'pod-timing', 'spec.terminationGracePeriodSeconds'],
  ['runtimeClassName invalid', pod(`runtimeClassName: "-bad"\n${app}`), 'pod-name-fields', 'spec.runtimeClassName'],
  ['hostname invalid', pod(`hostname: Web_1\n${app}`), 'pod-name-fields', 'spec.hostname'],
  ['subdomain invalid', pod(`subdomain: a.b\n${app}`), 'pod-name-fields', 'spec.subdomain'],
  ['shareProcessNamespace with hostPID', pod(`shareProcessNamespace: true\nhostPID: true\n${app}`), 'pod-name-fields', 'spec.shareProcessNamespace'],
  ['imagePullSecrets duplicate (warning)', pod(`imagePullSecrets: [{name: a}, {name: a}]\n${app}`), 'image-pull-secret-name', 'spec.imagePullSecrets[1].name'],
  ['imagePullSecrets empty (warning)', pod(`imagePullSecrets: [{name: ""}]\n${app}`), 'image-pull-secret-name', 'spec.imagePullSecrets[0].name'],
  ['imagePullPolicy wrong case', pod(`${app}\n  imagePullPolicy: always`), 'image-pull-policy-invalid', 'spec.containers[0].imagePullPolicy'],
  ['image with leading space in a Pod', pod('containers:\n- name: a\n  image: " nginx:1.27"'), 'image-whitespace', 'spec.containers[0].image'],
];

for (const [name, text, rule, path] of CASES) {
  test(`invalid: ${name} → ${rule} at ${path}`, () => {
    const findings = analyze(parseManifests(text)).findings;
    assert.ok(
      findings.some((f) => f.rule === rule && f.path === path),
      `want ${rule} at ${path}; got ${JSON.stringify(findings.map((f) => [f.rule, f.path]))}`,
    );
  });
}

const VALID: Array<[string, string]> = [
  ['container restart rules (beta and on by default in 1.35)', pod(`initContainers:\n- name: i\n  image: busybox:1.36\n  restartPolicy: OnFailure\n${app}\n  restartPolicy: Never`)],
  ['a sidecar with probes and lifecycle', pod(`initContainers:\n- name: s\n  image: busybox:1.36\n  restartPolicy: Always\n  ports: [{containerPort: 9000, name: metrics}]\n  readinessProbe: {httpGet: {path: /, port: metrics}}\n  startupProbe: {exec: {command: ["true"]}}\n  lifecycle: {preStop: {exec: {command: ["true"]}}}\n${app}`)],
  ['env building on itself', pod(`${app}\n  env:\n  - {name: P, value: /a}\n  - {name: P, value: "$(P):/b"}\n  - {name: Q, value: "$$(LITERAL) $(P)"}`)],
  ['shell command substitution in args', pod(`${app}\n  command: ["sh", "-c", "echo $(date) $(hostname)"]`)],
  ['StatefulSet claim templates as volumes', `apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: s}\nspec:\n  selector: {matchLabels: {app: s}}\n  template:\n    metadata: {labels: {app: s}}\n    spec:\n      containers:\n      - name: a\n        image: nginx:1.27\n        volumeMounts: [{name: data, mountPath: /d}]\n  volumeClaimTemplates:\n  - metadata: {name: data}\n`],
  ['same port, different protocol', pod(`${app}\n  ports:\n  - {containerPort: 53, protocol: UDP}\n  - {containerPort: 53, protocol: TCP}`)],
  ['equal quantities written differently', pod(`${app}\n  resources:\n    requests: {cpu: 1000m, memory: 1024Mi}\n    limits: {cpu: "1", memory: 1Gi}`)],
  ['labels and annotations in fieldRef', pod(`${app}\n  env:\n  - name: L\n    valueFrom: {fieldRef: {fieldPath: "metadata.labels['app']"}}`)],
];

for (const [name, text] of VALID) {
  test(`valid: ${name}`, () => assert.deepEqual(analyze(parseManifests(text)).findings.map((f) => `${f.rule} ${f.path}: ${f.message}`), []));
}
