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
  { gate: 'UserNamespacesSupport', find: (s) => [s.view.get('hostUsers')].filter(present).map((field) => ({ field })) },
  { gate: 'SupplementalGroupsPolicy', find: (s) => [s.view.map('securityContext')?.get('supplementalGroupsPolicy')].filter(present).map((field) => ({ field })) },
  {
    gate: 'PodLevelResources',
    find: (s) => [s.view.get('resources')].filter(present).map((field) => ({ field, effect: 'only the containers\' own resources count' })),
  },
  { gate: 'HostnameOverride', find: (s) => [s.view.get('hostnameOverride')].filter(present).map((field) => ({ field })) },
  {
    gate: 'DynamicResourceAllocation',
    find: (s) => [
      ...[s.view.get('resourceClaims')].filter(present).map((field) => ({ field })),
      ...inEachContainer(s, (c) => [c.view.map('resources')?.get('claims')]),
    ],
  },
  {
    gate: 'ProcMountType',
    find: (s) => inEachContainer(s, (c) => [c.view.map('securityContext')?.get('procMount')], () => 'the container gets the Default /proc mount'),
  },
  { gate: 'InPlacePodVerticalScaling', find: (s) => inEachContainer(s, (c) => [c.view.get('resizePolicy')]) },
  {
    // Only an init container's restartPolicy is the sidecars' field; on other containers it belongs to ContainerRestartRules.
    gate: 'SidecarContainers',
    find: (s) => s.initContainers.map((c) => c.view.get('restartPolicy')).filter(present).map((field) => ({ field, effect: 'the container runs as a regular init container' })),
  },
  {
    gate: 'ContainerRestartRules',
    find: (s) =>
      inEachContainer(s, (c) => [
        // An init container's restartPolicy: Always is the sidecars' own and stays.
        c.list === 'initContainers' && c.view.get('restartPolicy')?.value === 'Always' ? undefined : c.view.get('restartPolicy'),
        c.view.get('restartPolicyRules'),
      ]),
  },
  { gate: 'RecursiveReadOnlyMounts', find: (s) => inEachContainer(s, (c) => (c.view.seq('volumeMounts')?.maps() ?? []).map(({ view }) => view.get('recursiveReadOnly'))) },
  {
    gate: 'EnvFiles',
    find: (s) => inEachContainer(s, (c) => (c.view.seq('env')?.maps() ?? []).map(({ view }) => view.map('valueFrom')?.get('fileKeyRef'))),
  },
  {
    gate: 'PodLifecycleSleepAction',
    find: (s) =>
      inEachContainer(s, (c) => {
        const lifecycle = c.view.map('lifecycle');
        return [lifecycle?.map('preStop')?.get('sleep'), lifecycle?.map('postStart')?.get('sleep')];
      }),
  },
  { gate: 'ContainerStopSignals', find: (s) => inEachContainer(s, (c) => [c.view.map('lifecycle')?.get('stopSignal')]) },
  {
    gate: 'ImageVolume',
    find: (s) =>
      (s.view.seq('volumes')?.maps() ?? [])
        .map(({ view }) => view.get('image'))
        .filter(present)
        .map((field) => ({ field, effect: 'the whole volume is dropped, and so are the volumeMounts of it' })),
  },
];
