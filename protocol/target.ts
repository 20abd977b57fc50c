/** The `podLens/target` request: the Kubernetes version a document is checked against, for the status bar item. */

export const TARGET_REQUEST = 'podLens/target';

export interface TargetParams {
  uri: string;
}

export interface TargetResult {
  /** `1.NN`. */
  version: string;
  /** Gates set explicitly (podLens.featureGates). */
  featureGates: Record<string, boolean>;
  /** `file` when the document pins its version with `# pod-lens: kubernetes-version=1.NN`. */
  source: 'file' | 'settings';
  /** Every release Pod Lens can check against, oldest first: the choices of podLens.chooseKubernetesVersion. */
  supported: string[];
}

/** Sent by the server once new target settings are in force, so the status bar asks again. */
export const TARGET_CHANGED_NOTIFICATION = 'podLens/targetChanged';
