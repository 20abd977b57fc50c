/**
 * Custom resources that carry pod templates or bare containers, and where: matched by API group and kind (any version),
 * so another group's kind of the same name is not mistaken for one. Each path is checked against the project's own types.
 */

/** Where the containers of a kind without a pod spec live, relative to each match of `at`. */
export interface ContainerField {
  field: string;
  /** A list of containers, or one container. */
  isList: boolean;
  /** Init containers run before the others (Argo's `initContainers`); the rest run together. */
  type: 'app' | 'init';
}

export interface CustomPodTemplates {
  group: string;
  kinds: readonly string[];
  /** Paths (see template-paths.ts) to pod templates (`template`), pod specs (`podSpec`) or container holders (`containers`). */
  paths: readonly string[];
  shape: 'template' | 'podSpec' | 'containers';
  /** For `containers`: the fields holding containers under each path match. */
  containerFields?: readonly ContainerField[];
  /** Pods end (Job-like): sidecars do not hold up completion, restartPolicy Always is refused. */
  isJob?: boolean;
  /** Rules that judge what this controller defaults or substitutes differently from Kubernetes. */
  skipRules?: readonly string[];
  /** Image values this controller replaces before a Pod exists (`{{inputs.parameters.image}}`, `$(params.image)`). */
  substitutes?: RegExp;
  /** Whether the template is a real PodTemplateSpec / PodSpec, so the API schema can check it. */
  hasPodSchema: boolean;
  /** Where the paths come from. */
  source: string;
}

const ARGO_WORKFLOW_CONTAINERS: readonly ContainerField[] = [
  { field: 'initContainers', isList: true, type: 'init' },
  { field: 'container', isList: false, type: 'app' },
  { field: 'script', isList: false, type: 'app' },
  { field: 'sidecars', isList: true, type: 'app' },
];

/** Argo `{{…}}` parameters, Tekton `$(params.x)` / `$(context.x)` substitutions. */
const WORKFLOW_PLACEHOLDER = /\{\{[^}]*\}\}|\$\([^)]*\)/;

export const CUSTOM_POD_TEMPLATES: readonly CustomPodTemplates[] = [
  {
    group: 'argoproj.io',
    kinds: ['Rollout'],
    paths: ['spec.template'],
    shape: 'template',
    hasPodSchema: true,
    source: 'argo-rollouts pkg/apis/rollouts/v1alpha1/types.go RolloutSpec.Template corev1.PodTemplateSpec `json:"template"`',
  },
  {
    group: 'serving.knative.dev',
    kinds: ['Service', 'Configuration'],
    // A RevisionTemplateSpec is shaped as a pod template (metadata, spec): its metadata becomes the Revision's Pods'.
    paths: ['spec.template'],
    shape: 'template',
    // Knative names the container (user-container) and defaults containerPort to 8080 itself; its RevisionSpec adds
    // fields to PodSpec (containerConcurrency, timeoutSeconds…) and forbids others under its own flags, so the
    // Kubernetes schema is not applied: only the rules.
    skipRules: ['container-name', 'port-invalid'],
    hasPodSchema: false,
    source: 'knative serving pkg/apis/serving/v1 ServiceSpec/ConfigurationSpec.Template RevisionTemplateSpec{ObjectMeta, Spec RevisionSpec{corev1.PodSpec inline, ContainerConcurrency, TimeoutSeconds…}}',
  },
  {
    group: 'keda.sh',
    kinds: ['ScaledJob'],
    paths: ['spec.jobTargetRef.template'],
    shape: 'template',
    isJob: true,
    hasPodSchema: true,
    source: 'keda apis/keda/v1alpha1/scaledjob_types.go ScaledJobSpec.JobTargetRef *batchv1.JobSpec `json:"jobTargetRef"`',
  },
  {
    group: 'apps.kruise.io',
    kinds: ['CloneSet', 'StatefulSet', 'DaemonSet'],
    paths: ['spec.template'],
    shape: 'template',
    hasPodSchema: true,
    source: 'kruise apis/apps/v1alpha1 CloneSetSpec/StatefulSetSpec/DaemonSetSpec.Template, apis/apps/v1beta1 StatefulSetSpec.Template v1.PodTemplateSpec',
  },
  {
    group: 'jobset.x-k8s.io',
    kinds: ['JobSet'],
    paths: ['spec.replicatedJobs[*].template.spec.template'],
    shape: 'template',
    isJob: true,
    hasPodSchema: true,
    source: 'jobset api/jobset/v1alpha2/jobset_types.go JobSetSpec.ReplicatedJobs []ReplicatedJob `json:"replicatedJobs"`; ReplicatedJob.Template batchv1.JobTemplateSpec `json:"template"`',
  },
  {
    group: 'leaderworkerset.x-k8s.io',
    kinds: ['LeaderWorkerSet'],
    paths: ['spec.leaderWorkerTemplate.leaderTemplate', 'spec.leaderWorkerTemplate.workerTemplate'],
    shape: 'template',
    hasPodSchema: true,
    source: 'lws api/leaderworkerset/v1/leaderworkerset_types.go LeaderWorkerTemplate.LeaderTemplate *corev1.PodTemplateSpec `json:"leaderTemplate,omitempty"`, WorkerTemplate corev1.PodTemplateSpec `json:"workerTemplate"`',
  },
  {
    group: 'kubeflow.org',
    kinds: ['TFJob', 'PyTorchJob', 'MPIJob', 'XGBoostJob', 'PaddleJob', 'JAXJob', 'MXJob'],
    paths: ['spec.*ReplicaSpecs[*].template'],
    shape: 'template',
    hasPodSchema: true,
    source: 'training-operator pkg/apis/kubeflow.org/v1 TFJobSpec.TFReplicaSpecs map[ReplicaType]*ReplicaSpec `json:"tfReplicaSpecs"`; ReplicaSpec.Template v1.PodTemplateSpec',
  },
  {
    group: 'ray.io',
    kinds: ['RayCluster'],
    paths: ['spec.headGroupSpec.template', 'spec.workerGroupSpecs[*].template'],
    shape: 'template',
    hasPodSchema: true,
    source: 'kuberay ray-operator/apis/ray/v1 raycluster_types.go HeadGroupSpec.Template, WorkerGroupSpec.Template corev1.PodTemplateSpec',
  },
  {
    group: 'ray.io',
    kinds: ['RayJob'],
    paths: ['spec.rayClusterSpec.headGroupSpec.template', 'spec.rayClusterSpec.workerGroupSpecs[*].template', 'spec.submitterPodTemplate'],
    shape: 'template',
    hasPodSchema: true,
    source: 'kuberay rayjob_types.go RayJobSpec.RayClusterSpec `json:"rayClusterSpec"`, SubmitterPodTemplate *corev1.PodTemplateSpec',
  },
  {
    group: 'ray.io',
    kinds: ['RayService'],
    paths: ['spec.rayClusterConfig.headGroupSpec.template', 'spec.rayClusterConfig.workerGroupSpecs[*].template'],
    shape: 'template',
    hasPodSchema: true,
    source: 'kuberay rayservice_types.go RayServiceSpec.RayClusterSpec `json:"rayClusterConfig"`',
  },
  {
    group: 'argoproj.io',
    kinds: ['Workflow', 'WorkflowTemplate', 'ClusterWorkflowTemplate'],
    paths: ['spec.templates[*]'],
    shape: 'containers',
    containerFields: ARGO_WORKFLOW_CONTAINERS,
    substitutes: WORKFLOW_PLACEHOLDER,
    hasPodSchema: false,
    source: 'argo-workflows pkg/apis/workflow/v1alpha1/workflow_types.go Template.Container *apiv1.Container, Script *ScriptTemplate, InitContainers/Sidecars []UserContainer',
  },
  {
    group: 'argoproj.io',
    kinds: ['CronWorkflow'],
    paths: ['spec.workflowSpec.templates[*]'],
    shape: 'containers',
    containerFields: ARGO_WORKFLOW_CONTAINERS,
    substitutes: WORKFLOW_PLACEHOLDER,
    hasPodSchema: false,
    source: 'argo-workflows cron_workflow_types.go CronWorkflowSpec.WorkflowSpec `json:"workflowSpec"`',
  },
  {
    group: 'tekton.dev',
    kinds: ['Task', 'ClusterTask'],
    paths: ['spec'],
    shape: 'containers',
    containerFields: [
      { field: 'steps', isList: true, type: 'app' },
      { field: 'sidecars', isList: true, type: 'app' },
    ],
    substitutes: WORKFLOW_PLACEHOLDER,
    // v1 Steps hold resources in `computeResources`, not `resources`; a Step's name is optional.
    skipRules: ['resources-missing'],
    hasPodSchema: false,
    source: 'tektoncd/pipeline pkg/apis/pipeline/v1/task_types.go TaskSpec.Steps []Step, Sidecars []Sidecar',
  },
];

/** The table entry for a custom resource's apiVersion group and kind. */
export function customPodTemplatesOf(group: string, kind: string, table: readonly CustomPodTemplates[]): CustomPodTemplates | undefined {
  return table.find((t) => t.group === group && t.kinds.includes(kind));
}
