/** The `podLens/startupPlan` request: computed by the server, drawn by the client's preview (both import this file). */

export const STARTUP_PLAN_REQUEST = 'podLens/startupPlan';

export interface StartupPlanParams {
  uri: string;
}

export interface PreviewStep {
  position: number;
  name: string;
  type: 'init' | 'sidecar' | 'app';
  waitsFor: string;
  keepsRunning: boolean;
}

export interface PreviewPhase {
  /** e.g. "init-myservice" or "app containers". */
  label: string;
  /** Requests in this phase, as numbers for drawing only (the exact values are in `requests`). */
  cpuMillis: number;
  memoryBytes: number;
  requests: Record<string, string>;
}

export interface PreviewWorkload {
  title: string;
  summary: string;
  steps: PreviewStep[];
  shutdown: Array<{ position: number; names: string[]; note: string }>;
  readyWhen: string;
  /** Absent when the Pod has no init containers. */
  onInitFailure?: string;
  jobNote?: string;
  phases: PreviewPhase[];
  qos?: string;
  effectiveRequests?: Record<string, string>;
  effectiveLimits?: Record<string, string>;
}

export interface StartupPlanResult {
  workloads: PreviewWorkload[];
}
