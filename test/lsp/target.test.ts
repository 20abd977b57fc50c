/** The target through the server: podLens.kubernetesVersion and podLens.featureGates take effect without reopening, and the status bar's request. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deadline, withServer } from '../support/lsp-client';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: modern
spec:
  hostnameOverride: my-host
  containers:
    - name: app
      image: nginx:1.27
      restartPolicy: Never
`;

/** What podLens/target lists as the releases to choose from: every one Pod Lens can check against. */
const SUPPORTED = ['1.28', '1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35', '1.36'];

const codes = (ds: Array<{ code?: string | number; message: string }> | undefined) => (ds ?? []).map((d) => `${String(d.code)}: ${d.message}`).sort();

test('changing podLens.kubernetesVersion republishes the open document against the new release, without reopening it', async () => {
  await withServer({}, async (client) => {
    const uri = 'file:///work/target-modern.yaml';
    assert.deepEqual(codes(await client.open(uri, POD)), [], 'valid at the newest release');

    const changed = deadline<void>(10_000, 'podLens/targetChanged', (resolve) => client.connection.onNotification('podLens/targetChanged', () => resolve()).dispose);
    const at133 = await client.setSettings({ kubernetesVersion: '1.33' }, uri);
    await changed;
    assert.deepEqual(codes(at133), [
      `container-restart-policy: Forbidden: may not be set for non-init containers. The API server of Kubernetes 1.33 rejects the object: container restart rules (the ContainerRestartRules feature gate) come in 1.34 and are on by default from 1.35.`,
      `field-unknown: strict decoding error: unknown field "spec.hostnameOverride". The API server rejects the object (fieldValidation=Strict, kubectl's default). hostnameOverride is available from Kubernetes 1.34 (the target is Kubernetes 1.33).`,
    ]);
    assert.deepEqual(await client.connection.sendRequest('podLens/target', { uri }), { version: '1.33', featureGates: {}, source: 'settings', supported: SUPPORTED });

    const at134 = await client.setSettings({ kubernetesVersion: '1.34', featureGates: { HostnameOverride: true } }, uri);
    assert.deepEqual(codes(at134), [
      'field-dropped-by-feature-gate: The API server silently drops this field because the ContainerRestartRules feature gate (Alpha, off by default in Kubernetes 1.34) is off.',
    ]);
    assert.deepEqual(await client.connection.sendRequest('podLens/target', { uri }), { version: '1.34', featureGates: { HostnameOverride: true }, source: 'settings', supported: SUPPORTED });
  });
});

test('a file pins its own release over the setting; the status bar request says so', async () => {
  await withServer({ settings: { kubernetesVersion: '1.36' } }, async (client) => {
    const uri = 'file:///work/target-pinned.yaml';
    const diagnostics = await client.open(uri, `# pod-lens: kubernetes-version=1.33\n${POD}`);
    assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['container-restart-policy', 'field-unknown']);
    assert.deepEqual(await client.connection.sendRequest('podLens/target', { uri }), { version: '1.33', featureGates: {}, source: 'file', supported: SUPPORTED });
  });
});

test('settings that name another release than the default are announced once read: the status bar may have asked before', async () => {
  await withServer({ settings: { kubernetesVersion: '1.31' } }, async (client) => {
    // Subscribed before the server's first pull can have been answered (it is read after initialized, in later turns).
    await deadline<void>(10_000, 'podLens/targetChanged after the first settings read', (resolve) => client.connection.onNotification('podLens/targetChanged', () => resolve()).dispose);
    // A URI the server has not opened (the version pick with no manifest active) gets the settings' target.
    assert.deepEqual(await client.connection.sendRequest('podLens/target', { uri: '' }), { version: '1.31', featureGates: {}, source: 'settings', supported: SUPPORTED });
  });
});

test('unknown gate names and a version Pod Lens cannot check against are reported in the log and ignored', async () => {
  await withServer({ settings: { kubernetesVersion: '1.12', featureGates: { NoSuchGate: true, ImageVolume: 'yes' } } }, async (client) => {
    const uri = 'file:///work/target-bad-settings.yaml';
    assert.deepEqual(codes(await client.open(uri, POD)), [], 'checked against the newest release');
    assert.equal(
      await client.log(/kubernetesVersion/),
      '[warning] podLens.kubernetesVersion: "1.12" is not a version Pod Lens can check against (one of 1.28, 1.29, 1.30, 1.31, 1.32, 1.33, 1.34, 1.35, 1.36); using 1.36',
    );
    assert.equal(await client.log(/NoSuchGate/), '[warning] podLens.featureGates: no rule of Pod Lens depends on NoSuchGate; ignored');
    assert.equal(await client.log(/must be true or false/), '[warning] podLens.featureGates: ImageVolume must be true or false; ignored');
  });
});
