/**
 * Pod spec fields the API server drops on create when their feature gate is off, from pkg/api/pod/util.go
 * `dropDisabledFields` and the drop… helpers it calls (dropDisabledPodLevelResources, dropDisabledProcMountField,
 * dropDisabledDynamicResourceAllocationFields, dropContainerRestartRules, dropFileKeyRefInUse,
 * dropPodLifecycleSleepAction, dropImageVolumes, dropContainerStopSignals). A new object has no old spec "in use",
 * so every such field is dropped. Each finder returns the fields one gate drops, for one pod spec.
 */
import type { Field } from '../model/node-view';
import type { ContainerView, PodSpecView } from '../model/pod-spec';
import type { FeatureGateName } from './feature-gates';

export interface DroppedField {
  field: Field;
  /** What happens instead, when more than "the field is dropped". */
  effect?: string;
}

export interface GatedFields {
  gate: FeatureGateName;
  find(spec: PodSpecView): DroppedField[];
}

const present = (f: Field | undefined): f is Field => f !== undefined;

function inEachContainer(spec: PodSpecView, pick: (c: ContainerView) => Array<Field | undefined>, effect?: (c: ContainerView) => string | undefined): DroppedField[] {
  return spec.all.flatMap((c) => pick(c).filter(present).map((field) => ({ field, effect: effect?.(c) })));
}

export const GATED_FIELDS: GatedFields[] = [
  { gate: 'UserNamespacesSupport', find: (s) => [s.fields.$entry('hostUsers')].filter(present).map((field) => ({ field })) },
  { gate: 'SupplementalGroupsPolicy', find: (s) => [s.fields.securityContext?.$entry('supplementalGroupsPolicy')].filter(present).map((field) => ({ field })) },
  {
    gate: 'PodLevelResources',
    find: (s) => [s.fields.$entry('resources')].filter(present).map((field) => ({ field, effect: 'only the containers\' own resources count' })),
  },
  { gate: 'HostnameOverride', find: (s) => [s.fields.$entry('hostnameOverride')].filter(present).map((field) => ({ field })) },
  {
    gate: 'DynamicResourceAllocation',
    find: (s) => [
      ...[s.fields.$entry('resourceClaims')].filter(present).map((field) => ({ field })),
      ...inEachContainer(s, (c) => [c.fields.resources?.$entry('claims')]),
    ],
  },
  {
    gate: 'ProcMountType',
    find: (s) => inEachContainer(s, (c) => [c.fields.securityContext?.$entry('procMount')], () => 'the container gets the Default /proc mount'),
  },
  { gate: 'InPlacePodVerticalScaling', find: (s) => inEachContainer(s, (c) => [c.fields.$entry('resizePolicy')]) },
  {
    // Only an init container's restartPolicy is the sidecars' field; on other containers it belongs to ContainerRestartRules.
    gate: 'SidecarContainers',
    find: (s) => s.initContainers.map((c) => c.fields.$entry('restartPolicy')).filter(present).map((field) => ({ field, effect: 'the container runs as a regular init container' })),
  },
  {
    gate: 'ContainerRestartRules',
    find: (s) =>
      inEachContainer(s, (c) => [
        // An init container's restartPolicy: Always is the sidecars' own and stays.
        c.list === 'initContainers' && c.fields.restartPolicy?.value === 'Always' ? undefined : c.fields.$entry('restartPolicy'),
        c.fields.$entry('restartPolicyRules'),
      ]),
  },
  { gate: 'RecursiveReadOnlyMounts', find: (s) => inEachContainer(s, (c) => c.fields.volumeMounts.map((m) => m.$entry('recursiveReadOnly'))) },
  {
    gate: 'EnvFiles',
    find: (s) => inEachContainer(s, (c) => c.fields.env.map((e) => e.valueFrom?.$entry('fileKeyRef'))),
  },
  {
    gate: 'PodLifecycleSleepAction',
    find: (s) => inEachContainer(s, (c) => [c.fields.lifecycle?.preStop?.$entry('sleep'), c.fields.lifecycle?.postStart?.$entry('sleep')]),
  },
  { gate: 'ContainerStopSignals', find: (s) => inEachContainer(s, (c) => [c.fields.lifecycle?.$entry('stopSignal')]) },
  {
    gate: 'ImageVolume',
    find: (s) =>
      s.fields.volumes
        .map((v) => v.$entry('image'))
        .filter(present)
        .map((field) => ({ field, effect: 'the whole volume is dropped, and so are the volumeMounts of it' })),
  },
];
