/**
 * The extension-host suite: runs inside VS Code (code-server here, @vscode/test-electron elsewhere) with the real
 * `vscode` API. No sleeps: every wait is an event with a deadline, or a poll with one.
 */
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';

interface E2eConfig {
  /** An image pushed to the local registry by the runner, and the digest the registry gave it. */
  pinImage?: string;
  pinDigest?: string;
}

function workspaceDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder');
  return folder.uri.fsPath;
}

async function readConfig(): Promise<E2eConfig> {
  try {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.file(path.join(workspaceDir(), 'e2e.json')));
    return JSON.parse(Buffer.from(bytes).toString('utf8')) as E2eConfig;
  } catch {
    return {};
  }
}

/** Waits for the Pod Lens diagnostics of `uri` to satisfy `accept`, on onDidChangeDiagnostics, with a deadline. */
function diagnostics(uri: vscode.Uri, accept: (d: vscode.Diagnostic[]) => boolean, ms = 30_000): Promise<vscode.Diagnostic[]> {
  const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'pod-lens');
  return new Promise((resolve, reject) => {
    if (accept(ours())) return resolve(ours());
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`diagnostics for ${uri.fsPath} did not arrive in ${ms} ms; last: ${JSON.stringify(ours().map((d) => d.code))}`));
    }, ms);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      if (accept(ours())) {
        clearTimeout(timer);
        sub.dispose();
        resolve(ours());
      }
    });
  });
}

/** Polls a provider until it answers something non-empty, within a deadline (the server may still be starting). */
async function poll<T>(what: string, ms: number, fn: () => Thenable<T | undefined>, ok: (v: T) => boolean): Promise<T> {
  const end = Date.now() + ms;
  let last: T | undefined;
  let delay = 50;
  while (Date.now() < end) {
    last = await fn();
    if (last !== undefined && ok(last)) return last;
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 500);
  }
  throw new Error(`${what}: no answer in ${ms} ms (last ${JSON.stringify(last)})`);
}

/** Waits until `accept` holds for the podLens configuration, checked now and on each onDidChangeConfiguration, with a deadline. */
function configured(what: string, accept: (config: vscode.WorkspaceConfiguration) => boolean, ms = 15_000): Promise<void> {
  const config = () => vscode.workspace.getConfiguration('podLens');
  return new Promise((resolve, reject) => {
    if (accept(config())) return resolve();
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`${what}: not in ${ms} ms; last ${JSON.stringify(config().inspect('kubernetesVersion'))}`));
    }, ms);
    const sub = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('podLens') || !accept(config())) return;
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
  });
}

function code(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code);
}

async function open(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(workspaceDir(), name)));
  await vscode.window.showTextDocument(doc);
  return doc;
}

function positionOf(doc: vscode.TextDocument, needle: string, delta = 0): vscode.Position {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `"${needle}" not in ${doc.fileName}`);
  return doc.positionAt(at + delta);
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

const tests: Array<[string, () => Promise<void>]> = [
  [
    'activates on a manifest and publishes diagnostics with codes and ranges',
    async () => {
      const doc = await open('pod.yaml');
      const found = await diagnostics(doc.uri, (d) => d.some((x) => code(x) === 'image-tag-mutable'));
      assert.ok(vscode.extensions.getExtension('pod-lens.pod-lens')?.isActive, 'extension is active');
      const latest = found.find((x) => code(x) === 'image-tag-mutable')!;
      const start = positionOf(doc, 'nginx:latest', 6);
      assert.deepStrictEqual([latest.range.start.line, latest.range.start.character, latest.range.end.character], [start.line, start.character, start.character + 6]);
      assert.strictEqual(latest.severity, vscode.DiagnosticSeverity.Warning);
      const required = found.find((x) => code(x) === 'container-image-required');
      assert.ok(required, 'container-image-required');
      assert.strictEqual(required.severity, vscode.DiagnosticSeverity.Error);
    },
  ],
  [
    'activates on compose.yaml (language id dockercompose) too',
    async () => {
      const doc = await open('compose.yaml');
      assert.strictEqual(doc.languageId, 'dockercompose');
      await diagnostics(doc.uri, (d) => d.some((x) => code(x) === 'image-tag-mutable'));
    },
  ],
  [
    'hover explains the defaulted pull policy and the effective resources',
    async () => {
      const doc = await open('pod.yaml');
      const image = await poll('image hover', 20_000, () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'nginx:latest', 2)), (h) => hoverText(h).includes('imagePullPolicy'));
      assert.match(hoverText(image), /imagePullPolicy: Always\*\* — defaulted: tag "latest"/);
      const resources = await poll('resources hover', 20_000, () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'resources:', 2)), (h) => hoverText(h).includes('QoS'));
      assert.match(hoverText(resources), /Burstable/);
    },
  ],
  [
    'a plain field hovers with its API description, and completion offers the fields valid at the cursor',
    async () => {
      // An untitled document: nothing on disk changes.
      const content = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: fields\nspec:\n  hostNetwork: false\n  containers:\n    - name: app\n      image: nginx:1.27\n      ter\n';
      const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content });
      await vscode.window.showTextDocument(doc);
      const hover = await poll('field hover', 20_000, () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'hostNetwork', 2)), (h) => hoverText(h).length > 0);
      assert.match(hoverText(hover), /Host networking requested for this pod/);
      const list = await poll('completion', 20_000, () => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, positionOf(doc, '      ter', 9)), (l) => l.items.length > 0);
      const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      for (const field of ['terminationMessagePolicy', 'terminationMessagePath']) assert.ok(labels.includes(field), `${field} in ${JSON.stringify(labels)}`);
      for (const present of ['name', 'image']) assert.ok(!labels.includes(present), `${present} is written already`);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    },
  ],
  [
    'code lens shows the startup order',
    async () => {
      const doc = await open('pod.yaml');
      const lenses = await poll('code lens', 20_000, () => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 10), (l) => l.some((x) => x.command?.title.startsWith('Startup:') === true));
      const title = lenses.find((x) => x.command?.title.startsWith('Startup:'))!.command!.title;
      assert.match(title, /init-myservice → logshipper \(sidecar, keeps running\) → web/);
    },
  ],
  [
    'the preview command opens the Pod startup panel',
    async () => {
      await open('pod.yaml');
      const opened = new Promise<void>((resolve) => {
        const sub = vscode.window.tabGroups.onDidChangeTabs(() => {
          if (vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.label.startsWith('Pod startup')))) {
            sub.dispose();
            resolve();
          }
        });
      });
      await vscode.commands.executeCommand('podLens.showStartupPreview');
      if (!vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.label.startsWith('Pod startup')))) {
        await Promise.race([opened, new Promise((_r, reject) => setTimeout(() => reject(new Error('no Pod startup tab')), 15_000))]);
      }
    },
  ],
  [
    'the pin quick fix resolves the digest at the local registry and edits only the image',
    async () => {
      const config = await readConfig();
      assert.ok(config.pinImage && config.pinDigest, 'the runner wrote e2e.json with a pushed image');
      const doc = await open('pin.yaml');
      const at = positionOf(doc, config.pinImage, 2);
      // A versioned tag is no finding, so "Pin to digest" is a refactoring there; VS Code resolves it (itemResolveCount).
      const actions = await poll(
        'pin action',
        30_000,
        () => vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(at, at), undefined, 5),
        (list) => list.some((a) => a.title === 'Pin to digest' && a.edit !== undefined),
      );
      const pin = actions.find((a) => a.title === 'Pin to digest');
      assert.ok(pin?.edit, `resolved pin action with an edit: ${JSON.stringify(actions.map((a) => a.title))}`);
      const before = doc.getText();
      assert.ok(await vscode.workspace.applyEdit(pin.edit));
      assert.strictEqual(doc.getText(), before.replace(config.pinImage, `${config.pinImage}@${config.pinDigest}`));
    },
  ],
  [
    'turning a rule off in settings takes effect without a reload',
    async () => {
      const doc = await open('pod.yaml');
      await diagnostics(doc.uri, (d) => d.some((x) => code(x) === 'image-tag-mutable'));
      const config = vscode.workspace.getConfiguration('podLens');
      await config.update('rules', { 'image-tag-mutable': 'off' }, vscode.ConfigurationTarget.Global);
      try {
        await diagnostics(doc.uri, (d) => d.length > 0 && !d.some((x) => code(x) === 'image-tag-mutable'));
      } finally {
        await config.update('rules', undefined, vscode.ConfigurationTarget.Global);
      }
      await diagnostics(doc.uri, (d) => d.some((x) => code(x) === 'image-tag-mutable'));
    },
  ],
  [
    'the version command writes its argument to the workspace settings, and refuses a release it does not list',
    async () => {
      const doc = await open('pod.yaml');
      const api = vscode.extensions.getExtension<{ client: () => { sendRequest: <R>(method: string, params: unknown) => Promise<R> } | undefined }>('pod-lens.pod-lens')!.exports;
      const workspaceVersion = () => vscode.workspace.getConfiguration('podLens').inspect<string>('kubernetesVersion')?.workspaceValue;
      const before = workspaceVersion();
      assert.strictEqual(before, undefined, 'the e2e workspace sets no version of its own');
      // A release the server does not list: an error message, and nothing written (the command awaits its own work).
      await vscode.commands.executeCommand('podLens.chooseKubernetesVersion', '1.12');
      assert.strictEqual(workspaceVersion(), undefined);
      // Subscribed before the command runs: its update may fire the event before executeCommand returns.
      const written = configured('podLens.kubernetesVersion = 1.33 in the workspace settings', () => workspaceVersion() === '1.33');
      void written.catch(() => undefined); // handled here too, should the command itself throw first
      try {
        await vscode.commands.executeCommand('podLens.chooseKubernetesVersion', '1.33');
        await written;
        // The server pulls the new settings on the configuration change: the file is checked against 1.33.
        const target = await poll(
          'podLens/target at 1.33',
          20_000,
          async () => api.client()?.sendRequest<{ version: string; source: string }>('podLens/target', { uri: doc.uri.toString() }),
          (t) => t.version === '1.33',
        );
        assert.strictEqual(target.source, 'settings');
      } finally {
        await vscode.workspace.getConfiguration('podLens').update('kubernetesVersion', before, vscode.ConfigurationTarget.Workspace);
      }
      await configured('podLens.kubernetesVersion restored', () => workspaceVersion() === before);
    },
  ],
  [
    'a server that dies is restarted, and diagnostics keep coming',
    async () => {
      const api = vscode.extensions.getExtension<{ client: () => { sendNotification: (m: string) => Promise<void>; isRunning: () => boolean } | undefined }>('pod-lens.pod-lens')!.exports;
      const client = api.client();
      assert.ok(client, 'the extension exposes its client');
      // LSP "exit" without "shutdown" makes the server process end with code 1: a crash, as far as the client knows.
      await client.sendNotification('exit');
      const doc = await open('compose.yaml');
      await poll('server back', 30_000, async () => (client.isRunning() ? true : undefined), (v) => v === true);
      // A fresh document version must get fresh diagnostics from the restarted server.
      const editor = await vscode.window.showTextDocument(doc);
      await editor.edit((e) => e.insert(new vscode.Position(0, 0), '# edited after the restart\n'));
      await diagnostics(doc.uri, (d) => d.some((x) => code(x) === 'image-tag-mutable' && x.range.start.line === positionOf(doc, 'redis').line));
      await vscode.commands.executeCommand('workbench.action.files.revert');
    },
  ],
];

export async function run(): Promise<void> {
  const only = process.env.POD_LENS_E2E_ONLY;
  let failed = 0;
  for (const [name, fn] of tests) {
    if (only && !name.includes(only)) continue;
    try {
      await fn();
      console.log(`ok - ${name}`);
    } catch (error) {
      failed++;
      console.error(`not ok - ${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
  console.log(`extension-host suite: ${tests.length - failed} passed, ${failed} failed`);
  if (failed > 0) throw new Error(`${failed} extension-host test(s) failed`);
}
