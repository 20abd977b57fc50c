/**
 * The order in which the kubelet starts and stops a Pod's containers (init containers one by one, sidecars staying
 * up, app containers together; shutdown: app containers, then sidecars in reverse), from the kubelet
 * (kuberuntime_termination_order.go) and the init-container and sidecar docs.
 */

export interface StartupInput {
  initContainers: Array<{ name: string; isSidecar: boolean; hasStartupProbe: boolean; hasReadinessProbe: boolean }>;
  containers: Array<{ name: string; hasReadinessProbe: boolean }>;
  restartPolicy?: string;
  isJob: boolean;
  terminationGracePeriodSeconds?: number;
}

export interface StartupStep {
  position: number;
  name: string;
  type: 'init' | 'sidecar' | 'app';
  waitsFor: string;
  keepsRunning: boolean;
}

export interface ShutdownStep {
  position: number;
  names: string[];
  note: string;
}

export interface StartupPlan {
  startupOrder: StartupStep[];
  shutdownOrder: ShutdownStep[];
  readyWhen: string;
  /** What a failing init container does; absent when the Pod has no init containers (sidecars aside). */
  onInitFailure?: string;
  jobNote?: string;
  summary: string;
}

export function startupPlan(input: StartupInput): StartupPlan {
  const startupOrder: StartupStep[] = [];
  let position = 1;
  for (const c of input.initContainers) {
    startupOrder.push(
      c.isSidecar
        ? { position: position++, name: c.name, type: 'sidecar', waitsFor: c.hasStartupProbe ? 'its startupProbe to succeed' : 'its process to be running', keepsRunning: true }
        : { position: position++, name: c.name, type: 'init', waitsFor: 'it to exit 0', keepsRunning: false },
    );
  }
  // App containers are started in one pass without waiting for each other.
  for (const c of input.containers) startupOrder.push({ position, name: c.name, type: 'app', waitsFor: 'all init containers done and sidecars started', keepsRunning: true });

  const sidecars = input.initContainers.filter((c) => c.isSidecar);
  const grace = input.terminationGracePeriodSeconds ?? 30;
  const shutdownOrder: ShutdownStep[] = [];
  if (input.containers.length) shutdownOrder.push({ position: 1, names: input.containers.map((c) => c.name), note: 'app containers get their stop signal first, together' });
  [...sidecars].reverse().forEach((s, i) =>
    shutdownOrder.push({ position: shutdownOrder.length + 1, names: [s.name], note: i === 0 ? 'sidecars stop after the app containers have exited, in reverse order' : `after the sidecars declared after it` }),
  );
  if (sidecars.length && grace === 0) shutdownOrder.push({ position: shutdownOrder.length + 1, names: [], note: 'terminationGracePeriodSeconds is 0: nothing waits, everything is killed at once' });

  const readinessOf = [...input.containers.map((c) => c.name), ...sidecars.filter((s) => s.hasReadinessProbe).map((s) => s.name)];
  const ready = readinessOf.length ? `${readinessOf.join(', ')} ${readinessOf.length === 1 ? 'is' : 'are'} ready` : 'the app containers are ready';
  // Only what this Pod has: no init-container text for a Pod without init containers.
  const readyWhen =
    input.initContainers.length === 0
      ? ready
      : `${input.initContainers.some((c) => !c.isSidecar) ? 'all init containers have succeeded and ' : ''}${ready}${sidecars.length ? ' (sidecars count through their readinessProbe)' : ''}`;
  const hasInit = input.initContainers.some((c) => !c.isSidecar);
  // Sidecars are restarted whatever the Pod's restartPolicy (KEP-753; kuberuntime_manager.go computeInitContainerActions).
  const onInitFailure = !hasInit
    ? sidecars.length
      ? 'a sidecar that exits is restarted with back-off, whatever the restartPolicy'
      : undefined
    : input.restartPolicy === 'Never'
      ? 'restartPolicy Never: a failing init container fails the whole Pod'
      : `the init container is retried with back-off (restartPolicy ${input.restartPolicy ?? 'Always'}${input.restartPolicy === 'OnFailure' ? '' : ' acts as OnFailure for init containers'})${sidecars.length ? '; sidecars are always restarted' : ''}`;
  const jobNote = input.isJob ? 'sidecars do not hold up completion: the Pod completes when the app containers finish, then the sidecars are stopped' : undefined;
  const initPart = input.initContainers.map((c) => (c.isSidecar ? `${c.name} (sidecar, keeps running)` : c.name));
  const appPart = input.containers.map((c) => c.name).join(' + ');
  const summary = [...initPart, ...(appPart ? [appPart] : [])].join(' → ');
  return { startupOrder, shutdownOrder, readyWhen, ...(onInitFailure ? { onInitFailure } : {}), ...(jobNote ? { jobNote } : {}), summary };
}
