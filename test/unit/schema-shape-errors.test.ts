/** A table of shape errors, each with the exact field path and whole message the schema rules give (Strict field validation). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis/analyze';
import { parseManifests } from '../../server/src/analysis/model/manifest';

// value-not-string words the type errors of plain YAML 1.1 booleans and numbers where a string belongs.
const SCHEMA_RULES = new Set(['field-unknown', 'field-type-invalid', 'field-value-unsupported', 'field-required', 'api-version-unserved', 'value-not-string']);
const STRICT = "The API server rejects the object (fieldValidation=Strict, kubectl's default).";
const REJECTS = 'The API server rejects the object.';

const unknown = (path: string, hint = ''): [string, string, string] => ['field-unknown', path, `strict decoding error: unknown field "${path}". ${STRICT}${hint ? ` ${hint}` : ''}`];
const type = (path: string, what: string, struct: string, goPath: string, goType: string, extra = ''): [string, string, string] => [
  'field-type-invalid',
  path,
  `json: cannot unmarshal ${what} into Go struct field ${struct}.${goPath} of type ${goType}${extra}. ${REJECTS}`,
];
const value = (path: string, v: string, values: string[]): [string, string, string] => ['field-value-unsupported', path, `Unsupported value: "${v}": supported values: ${values.map((x) => `"${x}"`).join(', ')}. ${REJECTS}`];
const required = (path: string): [string, string, string] => ['field-required', path, `Required value: "${path.replace(/\[[^\]]*\]$/, '').split('.').pop()}" must be set. ${REJECTS}`];

/** A Pod whose first container gets `container` lines and whose spec gets `spec` lines (both indented by the caller's shape). */
/** A plain scalar YAML 1.1 reads as a boolean or a number where a string belongs: value-not-string's finding (one per problem). */
function notString(path: string, kind: 'bool' | 'number', goField: string, text: string, reading: string, why: string, goType = 'string'): [string, string, string] {
  return ['value-not-string', path, `json: cannot unmarshal ${kind} into Go struct field ${goField} of type ${goType}. The API server rejects the object. Kubernetes reads ${text} as ${reading} (${why}); write "${text}".`];
}

function pod(container: string, spec = ''): string {
  const c = container ? container.split('\n').map((l) => `      ${l}`).join('\n') + '\n' : '';
  const s = spec ? spec.split('\n').map((l) => `  ${l}`).join('\n') + '\n' : '';
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${s}  containers:\n    - name: app\n      image: nginx:1.27\n${c}`;
}

function deployment(spec: string): string {
  const s = spec.split('\n').map((l) => `  ${l}`).join('\n');
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  selector:\n    matchLabels: {app: d}\n${s}\n  template:\n    metadata:\n      labels: {app: d}\n    spec:\n      containers:\n        - {name: app, image: nginx:1.27}\n`;
}

function service(spec: string): string {
  return `apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n${spec.split('\n').map((l) => `  ${l}`).join('\n')}\n`;
}

const C = 'spec.containers[0]';
const cases: Array<[string, [string, string, string]]> = [
  // Unknown fields: typos, case, misplacement.
  [pod('imagePulPolicy: Always'), unknown(`${C}.imagePulPolicy`, 'Did you mean "imagePullPolicy"?')],
  [pod('comand: [sleep]'), unknown(`${C}.comand`, 'Did you mean "command"?')],
  [pod('arg: [x]'), unknown(`${C}.arg`, 'Did you mean "args"?')],
  [pod('Args: [x]'), unknown(`${C}.Args`, 'Did you mean "args"?')],
  [pod('livenessprobe: {exec: {command: [x]}}'), unknown(`${C}.livenessprobe`, 'Did you mean "livenessProbe"?')],
  [pod('readinessProbes: {exec: {command: [x]}}'), unknown(`${C}.readinessProbes`, 'Did you mean "readinessProbe"?')],
  [pod('securitycontext: {}'), unknown(`${C}.securitycontext`, 'Did you mean "securityContext"?')],
  [pod('workingdir: /app'), unknown(`${C}.workingdir`, 'Did you mean "workingDir"?')],
  [pod('volumeMount: []'), unknown(`${C}.volumeMount`, 'Did you mean "volumeMounts"?')],
  [pod('port: []'), unknown(`${C}.port`, 'Did you mean "ports"?')],
  [pod('envfrom: []'), unknown(`${C}.envfrom`, 'Did you mean "envFrom"?')],
  [pod('stdin_once: true'), unknown(`${C}.stdin_once`, 'Did you mean "stdinOnce"?')],
  [pod('requests: {cpu: 100m}'), unknown(`${C}.requests`, 'requests belongs under resources.')],
  [pod('limits: {memory: 1Gi}'), unknown(`${C}.limits`, 'limits belongs under resources.')],
  [pod('runAsUser: 1000'), unknown(`${C}.runAsUser`, 'runAsUser belongs under securityContext.')],
  [pod('privileged: true'), unknown(`${C}.privileged`, 'privileged belongs under securityContext.')],
  [pod('capabilities: {add: [NET_ADMIN]}'), unknown(`${C}.capabilities`, 'capabilities belongs under securityContext.')],
  [pod('containerPort: 80'), unknown(`${C}.containerPort`, 'containerPort belongs under ports[].')],
  [pod('mountPath: /data'), unknown(`${C}.mountPath`, 'mountPath belongs under volumeMounts[].')],
  [pod('httpGet: {path: /, port: 80}'), unknown(`${C}.httpGet`, 'httpGet belongs under livenessProbe or readinessProbe or startupProbe.')],
  [pod('resources:\n  requests: {cpu: 100m}\n  imagePullPolicy: Always'), unknown(`${C}.resources.imagePullPolicy`, 'imagePullPolicy belongs one level up, in Container.')],
  [pod('hostNetwork: true'), unknown(`${C}.hostNetwork`, 'hostNetwork belongs one level up, in PodSpec.')],
  [pod('', 'image: nginx:1.27'), unknown('spec.image', 'image belongs under containers[] or ephemeralContainers[] or initContainers[] or volumes[].')],
  [pod('', 'hostnetwork: true'), unknown('spec.hostnetwork', 'Did you mean "hostNetwork"?')],
  [pod('', 'serviceAcountName: x'), unknown('spec.serviceAcountName', 'Did you mean "serviceAccountName"?')],
  [pod('', 'nodeselector: {}'), unknown('spec.nodeselector', 'Did you mean "nodeSelector"?')],
  [pod('', 'restartpolicy: Never'), unknown('spec.restartpolicy', 'Did you mean "restartPolicy"?')],
  [pod('', 'terminationGracePeriod: 30'), unknown('spec.terminationGracePeriod')],
  [pod('', 'fsGroup: 2000'), unknown('spec.fsGroup', 'fsGroup belongs under securityContext.')],
  [pod('', 'volumes:\n  - name: v\n    emptydir: {}'), unknown('spec.volumes[0].emptydir', 'Did you mean "emptyDir"?')],
  [pod('', 'volumes:\n  - name: v\n    hostpath: {path: /x}'), unknown('spec.volumes[0].hostpath', 'Did you mean "hostPath"?')],
  [pod('', 'volumes:\n  - name: v\n    configmap: {name: c}'), unknown('spec.volumes[0].configmap', 'Did you mean "configMap"?')],
  [pod('', 'volumes:\n  - name: v\n    pvc: {claimName: c}'), unknown('spec.volumes[0].pvc')],
  [pod('livenessProbe:\n  httpget: {path: /, port: 80}'), unknown(`${C}.livenessProbe.httpget`, 'Did you mean "httpGet"?')],
  [pod('livenessProbe:\n  exec: {command: [x]}\n  initialDelay: 5'), unknown(`${C}.livenessProbe.initialDelay`)],
  [pod('ports:\n  - containerPort: 80\n    protocl: TCP'), unknown(`${C}.ports[0].protocl`, 'Did you mean "protocol"?')],
  [pod('env:\n  - name: A\n    valeu: x'), unknown(`${C}.env[0].valeu`, 'Did you mean "value"?')],
  [pod('resources:\n  request: {cpu: 1}'), unknown(`${C}.resources.request`, 'Did you mean "requests"?')],
  [pod('resources:\n  limit: {cpu: 1}'), unknown(`${C}.resources.limit`, 'Did you mean "limits"?')],
  [pod('securityContext:\n  runAsNonroot: true'), unknown(`${C}.securityContext.runAsNonroot`, 'Did you mean "runAsNonRoot"?')],
  [deployment('replica: 2'), unknown('spec.replica', 'Did you mean "replicas"?')],
  [deployment('strategy:\n  type: RollingUpdate\n  maxSurge: 1'), unknown('spec.strategy.maxSurge', 'maxSurge belongs under rollingUpdate.')],
  [service('selectr: {app: x}\nports: [{port: 80}]'), unknown('spec.selectr', 'Did you mean "selector"?')],
  [`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  lables: {a: b}\n`, unknown('metadata.lables', 'Did you mean "labels"?')],
  [`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\nspec: {}\n`, unknown('spec')],
  [`apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringdata: {a: b}\n`, unknown('stringdata', 'Did you mean "stringData"?')],
  // Types, as encoding/json reports them.
  [pod('ports:\n  - containerPort: "80"'), type(`${C}.ports[0].containerPort`, 'string', 'ContainerPort', 'spec.containers.ports.containerPort', 'int32')],
  [pod('ports:\n  - containerPort: 80.5'), type(`${C}.ports[0].containerPort`, 'number 80.5', 'ContainerPort', 'spec.containers.ports.containerPort', 'int32')],
  [pod('ports:\n  - containerPort: 3000000000'), type(`${C}.ports[0].containerPort`, 'number 3000000000', 'ContainerPort', 'spec.containers.ports.containerPort', 'int32')],
  [pod('ports:\n  - containerPort: true'), type(`${C}.ports[0].containerPort`, 'bool', 'ContainerPort', 'spec.containers.ports.containerPort', 'int32')],
  [pod('ports:\n  - {containerPort: 80, hostPort: "8080"}'), type(`${C}.ports[0].hostPort`, 'string', 'ContainerPort', 'spec.containers.ports.hostPort', 'int32')],
  [pod('ports:\n  containerPort: 80'), type(`${C}.ports`, 'object', 'Container', 'spec.containers.ports', '[]v1.ContainerPort')],
  [pod('ports: [80]'), type(`${C}.ports[0]`, 'number', 'Container', 'spec.containers.ports', 'v1.ContainerPort')],
  [pod('env:\n  - name: A\n    value: 1'), notString(`${C}.env[0].value`, 'number', 'EnvVar.spec.containers.env.value', '1', 'the number 1', '`1` is a number')],
  [pod('env:\n  - name: A\n    value: true'), notString(`${C}.env[0].value`, 'bool', 'EnvVar.spec.containers.env.value', 'true', 'the boolean true', '`true` is a boolean')],
  [pod('env:\n  - name: A\n    value: 1.5'), notString(`${C}.env[0].value`, 'number', 'EnvVar.spec.containers.env.value', '1.5', 'the number 1.5', '`1.5` is a number')],
  [pod('env:\n  - name: A\n    value: {a: b}'), type(`${C}.env[0].value`, 'object', 'EnvVar', 'spec.containers.env.value', 'string')],
  [pod('env:\n  A: b'), type(`${C}.env`, 'object', 'Container', 'spec.containers.env', '[]v1.EnvVar')],
  [pod('env:\n  - name: 5'), type(`${C}.env[0].name`, 'number', 'EnvVar', 'spec.containers.env.name', 'string')],
  [pod('command: sleep 10'), type(`${C}.command`, 'string', 'Container', 'spec.containers.command', '[]string')],
  [pod('args: --verbose'), type(`${C}.args`, 'string', 'Container', 'spec.containers.args', '[]string')],
  [pod('args: [--v, 2]'), notString(`${C}.args[1]`, 'number', 'Container.spec.containers.args', '2', 'the number 2', '`2` is a number')],
  [pod('command: [sleep, 10]'), notString(`${C}.command[1]`, 'number', 'Container.spec.containers.command', '10', 'the number 10', '`10` is a number')],
  [pod('image: 5'), type(`${C}.image`, 'number', 'Container', 'spec.containers.image', 'string')],
  [pod('tty: "true"'), type(`${C}.tty`, 'string', 'Container', 'spec.containers.tty', 'bool')],
  [pod('stdin: 1'), type(`${C}.stdin`, 'number', 'Container', 'spec.containers.stdin', 'bool')],
  [pod('resources: []'), type(`${C}.resources`, 'array', 'Container', 'spec.containers.resources', 'v1.ResourceRequirements')],
  [pod('resources: {limits: []}'), type(`${C}.resources.limits`, 'array', 'ResourceRequirements', 'spec.containers.resources.limits', 'map[string]resource.Quantity')],
  [pod('securityContext:\n  runAsUser: "1000"'), type(`${C}.securityContext.runAsUser`, 'string', 'SecurityContext', 'spec.containers.securityContext.runAsUser', 'int64')],
  [pod('securityContext:\n  privileged: "false"'), type(`${C}.securityContext.privileged`, 'string', 'SecurityContext', 'spec.containers.securityContext.privileged', 'bool')],
  [pod('securityContext:\n  capabilities: {add: NET_ADMIN}'), type(`${C}.securityContext.capabilities.add`, 'string', 'Capabilities', 'spec.containers.securityContext.capabilities.add', '[]string')],
  [pod('livenessProbe:\n  httpGet: {path: /, port: true}'), type(`${C}.livenessProbe.httpGet.port`, 'bool', 'HTTPGetAction', 'spec.containers.livenessProbe.httpGet.port', 'int32')],
  [pod('livenessProbe:\n  tcpSocket: {port: 1.5}'), type(`${C}.livenessProbe.tcpSocket.port`, 'number 1.5', 'TCPSocketAction', 'spec.containers.livenessProbe.tcpSocket.port', 'int32')],
  [pod('livenessProbe:\n  exec: {command: [x]}\n  periodSeconds: "10"'), type(`${C}.livenessProbe.periodSeconds`, 'string', 'Probe', 'spec.containers.livenessProbe.periodSeconds', 'int32')],
  [pod('livenessProbe:\n  exec: {command: x}'), type(`${C}.livenessProbe.exec.command`, 'string', 'ExecAction', 'spec.containers.livenessProbe.exec.command', '[]string')],
  [pod('', 'terminationGracePeriodSeconds: "30"'), type('spec.terminationGracePeriodSeconds', 'string', 'PodSpec', 'spec.terminationGracePeriodSeconds', 'int64')],
  [pod('', 'terminationGracePeriodSeconds: 1.5'), type('spec.terminationGracePeriodSeconds', 'number 1.5', 'PodSpec', 'spec.terminationGracePeriodSeconds', 'int64')],
  [pod('', 'hostNetwork: "true"'), type('spec.hostNetwork', 'string', 'PodSpec', 'spec.hostNetwork', 'bool')],
  [pod('', 'hostPID: 1'), type('spec.hostPID', 'number', 'PodSpec', 'spec.hostPID', 'bool')],
  [pod('', 'nodeSelector: [a]'), type('spec.nodeSelector', 'array', 'PodSpec', 'spec.nodeSelector', 'map[string]string')],
  [pod('', 'nodeSelector: {disk: 1}'), notString('spec.nodeSelector[disk]', 'number', 'PodSpec.spec.nodeSelector', '1', 'the number 1', '`1` is a number')],
  [pod('', 'priority: high'), type('spec.priority', 'string', 'PodSpec', 'spec.priority', 'int32')],
  [pod('', 'tolerations: {key: a}'), type('spec.tolerations', 'object', 'PodSpec', 'spec.tolerations', '[]v1.Toleration')],
  [pod('', 'volumes:\n  - name: v\n    secret: {secretName: s, defaultMode: "0644"}'), type('spec.volumes[0].secret.defaultMode', 'string', 'SecretVolumeSource', 'spec.volumes.secret.defaultMode', 'int32')],
  [pod('', 'volumes:\n  - name: v\n    emptyDir: {sizeLimit: true}'), ['field-type-invalid', 'spec.volumes[0].emptyDir.sizeLimit', `quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'. ${REJECTS}`]],
  [pod('', 'volumes:\n  - name: v\n    emptyDir: {sizeLimit: 1Gb}'), ['field-type-invalid', 'spec.volumes[0].emptyDir.sizeLimit', `quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'. ${REJECTS}`]],
  [pod('', 'securityContext:\n  fsGroup: "2000"'), type('spec.securityContext.fsGroup', 'string', 'PodSecurityContext', 'spec.securityContext.fsGroup', 'int64')],
  [pod('', 'securityContext:\n  supplementalGroups: 1000'), type('spec.securityContext.supplementalGroups', 'number', 'PodSecurityContext', 'spec.securityContext.supplementalGroups', '[]int64')],
  [pod('', 'containers: []\ninitContainers: {name: x}').replace('  containers:\n    - name: app\n      image: nginx:1.27\n', ''), type('spec.initContainers', 'object', 'PodSpec', 'spec.initContainers', '[]v1.Container')],
  [deployment('replicas: "3"'), type('spec.replicas', 'string', 'DeploymentSpec', 'spec.replicas', 'int32')],
  [deployment('replicas: ${REPLICAS}'), type('spec.replicas', 'string', 'DeploymentSpec', 'spec.replicas', 'int32', ': "${REPLICAS}" is an unsubstituted placeholder (nothing expands it before the API server decodes the object)')],
  [deployment('replicas: $(REPLICAS)'), type('spec.replicas', 'string', 'DeploymentSpec', 'spec.replicas', 'int32', ': "$(REPLICAS)" is an unsubstituted placeholder (nothing expands it before the API server decodes the object)')],
  [deployment('replicas: 2.5'), type('spec.replicas', 'number 2.5', 'DeploymentSpec', 'spec.replicas', 'int32')],
  [deployment('paused: "no"'), type('spec.paused', 'string', 'DeploymentSpec', 'spec.paused', 'bool')],
  [deployment('minReadySeconds: "5"'), type('spec.minReadySeconds', 'string', 'DeploymentSpec', 'spec.minReadySeconds', 'int32')],
  [deployment('strategy:\n  rollingUpdate: {maxSurge: true}'), type('spec.strategy.rollingUpdate.maxSurge', 'bool', 'RollingUpdateDeployment', 'spec.strategy.rollingUpdate.maxSurge', 'int32')],
  [deployment('strategy: RollingUpdate'), type('spec.strategy', 'string', 'DeploymentSpec', 'spec.strategy', 'v1.DeploymentStrategy')],
  [service('ports:\n  - port: "80"'), type('spec.ports[0].port', 'string', 'ServicePort', 'spec.ports.port', 'int32')],
  [service('ports:\n  - {port: 80, targetPort: 8080.5}'), type('spec.ports[0].targetPort', 'number 8080.5', 'ServicePort', 'spec.ports.targetPort', 'int32')],
  [service('ports:\n  - {port: 80, nodePort: "30000"}'), type('spec.ports[0].nodePort', 'string', 'ServicePort', 'spec.ports.nodePort', 'int32')],
  [service('selector: app\nports: [{port: 80}]'), type('spec.selector', 'string', 'ServiceSpec', 'spec.selector', 'map[string]string')],
  [`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  replicas: 3\n`, notString('data[replicas]', 'number', 'ConfigMap.data', '3', 'the number 3', '`3` is a number')],
  [`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  enabled: true\n`, notString('data[enabled]', 'bool', 'ConfigMap.data', 'true', 'the boolean true', '`true` is a boolean')],
  [`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels:\n    tier: 1\n`, notString('metadata.labels[tier]', 'number', 'ObjectMeta.metadata.labels', '1', 'the number 1', '`1` is a number')],
  [`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  annotations:\n    enabled: true\n`, notString('metadata.annotations[enabled]', 'bool', 'ObjectMeta.metadata.annotations', 'true', 'the boolean true', '`true` is a boolean')],
  [`apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  password: "not base64!"\n`, ['field-type-invalid', 'data[password]', `illegal base64 data at input byte 3. ${REJECTS}`]],
  [`apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  port: 5432\n`, notString('data[port]', 'number', 'Secret.data', '5432', 'the number 5432', '`5432` is a number', '[]uint8')],
  [`apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: s\nautomountServiceAccountToken: "false"\n`, type('automountServiceAccountToken', 'string', 'ServiceAccount', 'automountServiceAccountToken', 'bool')],
  // Enum values.
  [pod('', 'restartPolicy: Always\ndnsPolicy: clusterfirst'), value('spec.dnsPolicy', 'clusterfirst', ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'])],
  [pod('', 'preemptionPolicy: Always'), value('spec.preemptionPolicy', 'Always', ['Never', 'PreemptLowerPriority'])],
  [pod('terminationMessagePolicy: Logs'), value(`${C}.terminationMessagePolicy`, 'Logs', ['FallbackToLogsOnError', 'File'])],
  [pod('securityContext:\n  procMount: unmasked'), value(`${C}.securityContext.procMount`, 'unmasked', ['Default', 'Unmasked'])],
  [pod('volumeMounts:\n  - {name: v, mountPath: /v, mountPropagation: Private}'), value(`${C}.volumeMounts[0].mountPropagation`, 'Private', ['Bidirectional', 'HostToContainer', 'None'])],
  [pod('', 'tolerations:\n  - {key: a, operator: Equals}'), value('spec.tolerations[0].operator', 'Equals', ['Equal', 'Exists', 'Gt', 'Lt'])],
  [pod('', 'tolerations:\n  - {key: a, operator: Exists, effect: NoScheduled}'), value('spec.tolerations[0].effect', 'NoScheduled', ['NoExecute', 'NoSchedule', 'PreferNoSchedule'])],
  [pod('', 'securityContext:\n  fsGroupChangePolicy: Never'), value('spec.securityContext.fsGroupChangePolicy', 'Never', ['Always', 'OnRootMismatch'])],
  [service('type: nodeport\nports: [{port: 80}]'), value('spec.type', 'nodeport', ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'])],
  [service('sessionAffinity: ClientIp\nports: [{port: 80}]'), value('spec.sessionAffinity', 'ClientIp', ['ClientIP', 'None'])],
  [service('externalTrafficPolicy: Global\nports: [{port: 80}]'), value('spec.externalTrafficPolicy', 'Global', ['Cluster', 'Local'])],
  [service('ports:\n  - {port: 80, protocol: HTTP}'), value('spec.ports[0].protocol', 'HTTP', ['SCTP', 'TCP', 'UDP'])],
  [deployment('strategy:\n  type: Rolling'), value('spec.strategy.type', 'Rolling', ['Recreate', 'RollingUpdate'])],
  // Required values validation.go enforces.
  [pod('volumeMounts:\n  - name: v'), required(`${C}.volumeMounts[0].mountPath`)],
  [pod('volumeMounts:\n  - mountPath: /v'), required(`${C}.volumeMounts[0].name`)],
  [pod('env:\n  - name: A\n    valueFrom:\n      secretKeyRef: {name: s}'), required(`${C}.env[0].valueFrom.secretKeyRef.key`)],
  [pod('env:\n  - name: A\n    valueFrom:\n      configMapKeyRef: {name: c}'), required(`${C}.env[0].valueFrom.configMapKeyRef.key`)],
  [pod('env:\n  - name: A\n    valueFrom:\n      fieldRef: {apiVersion: v1}'), required(`${C}.env[0].valueFrom.fieldRef.fieldPath`)],
  [pod('', 'volumes:\n  - name: v\n    configMap:\n      name: c\n      items: [{key: a}]'), required('spec.volumes[0].configMap.items[0].path')],
  [service('ports:\n  - name: http'), required('spec.ports[0].port')],
  [
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n    spec:\n      containers: [{name: a, image: nginx:1.27}]\n`,
    required('spec.selector'),
  ],
  [`apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers: [{name: a, image: busybox:1.36}]\n`, required('spec.schedule')],
  [
    `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    spec:\n      containers: [{name: a, image: busybox:1.36}]\n`,
    ['field-required', 'spec.template.spec.restartPolicy', `Unsupported value: "Always": supported values: "OnFailure", "Never" (restartPolicy is not set and defaults to Always). ${REJECTS}`],
  ],
  [
    deployment('replicas: 1').replace('labels: {app: d}', 'labels: {app: web, tier: x}'),
    ['field-required', 'spec.template.metadata.labels', `Invalid value: {"app":"web","tier":"x"}: \`selector\` does not match template \`labels\`. ${REJECTS}`],
  ],
  [
    deployment('replicas: 1').replace('    metadata:\n      labels: {app: d}\n', ''),
    ['field-required', 'spec.template.metadata.labels', `Invalid value: null: \`selector\` does not match template \`labels\`. ${REJECTS}`],
  ],
  [
    deployment('replicas: 1').replace('matchLabels: {app: d}', 'matchExpressions: [{key: app, operator: In, values: [e, f]}]'),
    ['field-required', 'spec.template.metadata.labels', `Invalid value: {"app":"d"}: \`selector\` does not match template \`labels\`. ${REJECTS}`],
  ],
  // apiVersion/kind the API does not serve.
  [
    deployment('replicas: 1').replace('apps/v1', 'extensions/v1beta1'),
    ['api-version-unserved', 'apiVersion', 'no matches for kind "Deployment" in version "extensions/v1beta1": extensions/v1beta1 Deployment was removed in Kubernetes 1.16 (the target is Kubernetes 1.36); use apps/v1 Deployment. kubectl refuses the object.'],
  ],
  [
    deployment('replicas: 1').replace('apps/v1', 'apps/v1beta2'),
    ['api-version-unserved', 'apiVersion', 'no matches for kind "Deployment" in version "apps/v1beta2": apps/v1beta2 Deployment was removed in Kubernetes 1.16 (the target is Kubernetes 1.36); use apps/v1 Deployment. kubectl refuses the object.'],
  ],
  [pod('').replace('apiVersion: v1', 'apiVersion: apps/v1'), ['api-version-unserved', 'apiVersion', 'no matches for kind "Pod" in version "apps/v1": Pod is served as v1. kubectl refuses the object.']],
  [service('ports: [{port: 80}]').replace('apiVersion: v1', 'apiVersion: apps/v1'), ['api-version-unserved', 'apiVersion', 'no matches for kind "Service" in version "apps/v1": Service is served as v1. kubectl refuses the object.']],
  [
    `apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: c\n`,
    ['api-version-unserved', 'apiVersion', 'no matches for kind "CronJob" in version "batch/v1beta1": batch/v1beta1 CronJob was removed in Kubernetes 1.25 (the target is Kubernetes 1.36); use batch/v1 CronJob. kubectl refuses the object.'],
  ],
  [
    `apiVersion: node.k8s.io/v1beta1\nkind: RuntimeClass\nmetadata:\n  name: r\nhandler: runc\n`,
    ['api-version-unserved', 'apiVersion', 'no matches for kind "RuntimeClass" in version "node.k8s.io/v1beta1": node.k8s.io/v1beta1 RuntimeClass was removed in Kubernetes 1.25 (the target is Kubernetes 1.36); use node.k8s.io/v1 RuntimeClass. kubectl refuses the object.'],
  ],
];

test(`${cases.length} shape errors: one schema finding each, with the exact path and message`, () => {
  const failures: string[] = [];
  for (const [text, [rule, path, message]] of cases) {
    const got = analyze(parseManifests(text)).findings.filter((f) => SCHEMA_RULES.has(f.rule)).map((f) => [f.rule, f.path, f.message]);
    if (JSON.stringify(got) !== JSON.stringify([[rule, path, message]])) failures.push(`${text}\n  want ${JSON.stringify([rule, path, message])}\n  got  ${JSON.stringify(got)}`);
  }
  assert.deepEqual(failures, []);
});

test('valid values of every shape give no schema finding', () => {
  const valid = [
    pod('ports:\n  - {containerPort: 80, protocol: TCP}\nenv:\n  - {name: A, value: "1"}\nresources:\n  limits: {cpu: 1, memory: 512Mi}\nlivenessProbe:\n  httpGet: {path: /, port: http}', 'terminationGracePeriodSeconds: 30\nhostNetwork: false\nnodeSelector: {disk: ssd}\nvolumes:\n  - {name: v, emptyDir: {sizeLimit: 1Gi}}'),
    deployment('replicas: 1').replace('matchLabels: {app: d}', 'matchExpressions: [{key: app, operator: In, values: [d, e]}, {key: tier, operator: DoesNotExist}]'),
    deployment('replicas: 3\nstrategy:\n  type: RollingUpdate\n  rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}'),
    service('type: NodePort\nports:\n  - {port: 80, targetPort: 8080, nodePort: 30080}'),
    `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  password: cGFzc3dvcmQ=\nstringData:\n  user: admin\n`,
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: nulls\nspec:\n  nodeName: null\n  containers:\n    - name: app\n      image: nginx:1.27\n      args: ~\n`,
  ];
  for (const text of valid) assert.deepEqual(analyze(parseManifests(text)).findings.filter((f) => SCHEMA_RULES.has(f.rule)).map((f) => f.message), [], text);
});
