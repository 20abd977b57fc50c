/** startServer: the wiring table from LSP requests to features. Nothing else lives here. */
import {
  CodeLensRefreshRequest,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type CancellationToken,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SYNCED_TEXT_DOCUMENTS } from './lsp/text-document';
import { complete } from './lsp/completion';
import { listCodeActions, resolveWithProgress } from './lsp/code-actions';
import { abortSignalOf, guarded } from './lsp/guard';
import { createAnalysisContext } from './lsp/analysis-context';
import { lenses } from './lsp/code-lens';
import { CHANGE_DEBOUNCE_MS, DiagnosticsScheduler } from './lsp/diagnostics';
import { DocumentCache } from './lsp/document-cache';
import { hover } from './lsp/hover';
import { definition } from './lsp/definition';
import { ClientSettings } from './lsp/settings';
import type { Settings } from './settings/settings';
import type { ClientFacts } from '../../protocol/initialization';
import { createPinResolver } from './lsp/pin';
import { registerCommands } from './lsp/commands';
import { SERVER_COMMANDS } from '../../protocol/commands';
import type { Runtime } from './runtime';
import { WorkspaceSync } from './lsp/workspace-sync';
import { WorkspaceDiagnostics } from './lsp/workspace-diagnostics';
import { OnlineDigests } from './lsp/online-digests';
import { startupPlanFor } from './lsp/startup-plan';
import { STARTUP_PLAN_REQUEST, type StartupPlanParams, type StartupPlanResult } from '../../protocol/startup-plan';
import { TARGET_CHANGED_NOTIFICATION, TARGET_REQUEST, type TargetParams, type TargetResult } from '../../protocol/target';
import { fileTarget } from './analysis/k8s/file-target';
import { SUPPORTED_MINORS } from './analysis/k8s/target';

export function startServer(connection: Connection, runtime: Runtime): void {
  let facts: ClientFacts = {};
  let folders: InitializeParams['workspaceFolders'] = null;
  const clientSettings = new ClientSettings(connection, runtime.logger, () => facts, () => (folders ?? []).map((f) => f.uri));
  const settings = () => clientSettings.current;
  let canRefreshLenses = false;
  let settingsRead = false;
  // Our own document implementation: the package's loses a line when an edit joins or splits a CR LF pair.
  const documents = new TextDocuments(SYNCED_TEXT_DOCUMENTS);
  const pin = createPinResolver(runtime, settings, () => facts);
  const republishOpen = () => {
    for (const doc of documents.all()) scheduler.publish(doc);
  };
  const refreshWorkspaceDiagnostics = () => void workspaceDiagnostics.refresh().catch((error) => runtime.logger.error('workspace diagnostics failed', error));
  const workspaceSync = new WorkspaceSync({
    connection,
    runtime,
    exclude: () => [...settings().exclude, ...(facts.filesExclude ?? [])],
    maxFileSize: () => settings().maxFileSize,
    isOpen: (uri) => documents.get(uri) !== undefined,
    onChange: () => {
      republishOpen();
      refreshWorkspaceDiagnostics();
    },
    onFileChanged: (uri) => void workspaceDiagnostics.closed(uri).catch((error) => runtime.logger.error(`diagnostics of ${uri} failed`, error)),
  });
  const online = new OnlineDigests(runtime, pin, () => settings().registry.onlineChecks && facts.workspaceTrusted !== false, republishOpen);
  const context = createAnalysisContext(runtime, settings, workspaceSync.index, () => online);
  const options = (uri?: string) => context.options(uri);
  const cache = new DocumentCache(context.generation, () => settings().maxFileSize, () => settings().podTemplates);
  const scheduler = new DiagnosticsScheduler({
    connection,
    runtime,
    cache,
    options,
    getDocument: (uri) => documents.get(uri),
    generation: context.generation,
    afterPublish: (doc) => online.check(cache.model(doc)),
  });
  const workspaceDiagnostics = new WorkspaceDiagnostics({
    connection,
    runtime,
    scope: () => settings().diagnosticsScope,
    files: () => workspaceSync.manifests,
    isOpen: (uri) => documents.get(uri) !== undefined,
    maxFileSize: () => settings().maxFileSize,
    options,
    generation: context.generation,
  });

  connection.onInitialize((params): InitializeResult => {
    facts = (params.initializationOptions ?? {}) as ClientFacts;
    folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : null);
    clientSettings.initialize(params.capabilities);
    canRefreshLenses = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        definitionProvider: true,
        codeActionProvider: { resolveProvider: true, codeActionKinds: ['quickfix', 'refactor.rewrite', 'source'] },
        codeLensProvider: { resolveProvider: false },
        completionProvider: { triggerCharacters: [' ', ':'] },
        executeCommandProvider: { commands: [...SERVER_COMMANDS] },
      },
      serverInfo: { name: 'pod-lens', version: runtime.version },
    };
  });

  /** Tells the client to ask podLens/target again (the status bar item) when the target left `previous`'s. */
  function announceTarget(previous: Settings): void {
    if (JSON.stringify(previous.target) === JSON.stringify(settings().target)) return;
    void connection.sendNotification(TARGET_CHANGED_NOTIFICATION).catch((error: unknown) => runtime.logger.error('podLens/targetChanged failed', error));
  }

  /**
   * After settings were read: the first time (`previous` undefined) every open document is checked; later only when
   * they changed. A pull that changed nothing sends nothing: a second copy of a version's diagnostics would reach the
   * client after the ones it already has.
   */
  function republishAll(previous: Settings | undefined): void {
    if (previous && JSON.stringify(previous) === JSON.stringify(settings())) return;
    // Once per change of the setting, not per document: the log is where a skipped podLens.podTemplates entry is explained.
    if (JSON.stringify(previous?.podTemplateProblems ?? []) !== JSON.stringify(settings().podTemplateProblems)) {
      for (const problem of settings().podTemplateProblems) runtime.logger.info(`settings: ${problem}`);
    }
    if (previous) announceTarget(previous);
    // Where objects without a namespace go: the index resolves them, so every cross-file answer follows the setting.
    workspaceSync.index.setDefaultNamespace(settings().defaultNamespace, settings().folderNamespaces);
    cache.invalidateAnalyses();
    scheduler.settingsChanged();
    for (const doc of documents.all()) {
      // A new podLens.maxFileSize can change whether an open file counts for the index.
      workspaceSync.documentChanged(doc.uri, cache.model(doc));
      scheduler.publish(doc);
    }
    // Closed files: published under the new settings (podLens.diagnostics.scope: workspace), or cleared.
    refreshWorkspaceDiagnostics();
  }

  connection.onInitialized(async () => {
    const defaults = settings();
    await clientSettings.pull();
    settingsRead = true;
    republishAll(undefined);
    // The status bar asks as soon as the client starts, which can be before these settings arrived.
    announceTarget(defaults);
    // In the background: open documents are checked at once and again when the index is ready.
    void workspaceSync.scan(folders).catch((error) => runtime.logger.error('workspace scan failed', error));
  });
  connection.onDidChangeConfiguration(async (change) => {
    const previous = settings();
    await clientSettings.changed(change);
    republishAll(previous);
    // Lenses depend on settings too (podLens.startupLens): ask the editor to fetch them again.
    if (canRefreshLenses) void connection.sendRequest(CodeLensRefreshRequest.type).catch((error: unknown) => runtime.logger.error('codeLens/refresh failed', error));
  });

  // Until the user's settings are read, documents are neither parsed nor checked (their podLens.maxFileSize and
  // rules are not known yet): the first republishAll covers every document opened by then.
  documents.onDidOpen((e) => {
    workspaceDiagnostics.opened(e.document.uri);
    if (settingsRead) scheduler.schedule(e.document.uri, 0);
  });
  documents.onDidChangeContent((e) => {
    if (!settingsRead) return;
    workspaceSync.documentChanged(e.document.uri, cache.model(e.document));
    scheduler.schedule(e.document.uri, CHANGE_DEBOUNCE_MS);
  });
  workspaceSync.listen();
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    cache.delete(uri);
    // In workspace scope a closed manifest keeps its problems (as on disk); otherwise they are cleared.
    if (settings().diagnosticsScope === 'workspace' && workspaceSync.manifests.has(uri)) scheduler.forget(uri);
    else scheduler.clear(uri);
    void workspaceSync
      .documentClosed(uri)
      .then(() => workspaceDiagnostics.closed(uri))
      .catch((error) => runtime.logger.error(`closing ${uri} failed`, error));
  });

  const withDoc = <P extends { textDocument: { uri: string } }, R>(name: string, fallback: R, fn: (doc: TextDocument, params: P, token: CancellationToken) => R | Promise<R>) =>
    guarded<P, R>(runtime, name, fallback, (params, token) => {
      const doc = documents.get(params.textDocument.uri);
      return doc ? fn(doc, params, token) : fallback;
    });

  connection.onHover(withDoc('hover', null, (doc, params) => hover(doc, params, cache, options(doc.uri))));
  connection.onDefinition(withDoc('definition', [], (doc, params) => definition(doc, params, cache, workspaceSync.index.viewFor(doc.uri), (uri) => documents.get(uri), settings().maxFileSize, runtime.fs)));
  connection.onCompletion(withDoc('completion', [], (doc, params) => complete(doc, params, cache, settings().target)));
  connection.onCodeLens(withDoc('codeLens', [], (doc) => lenses(doc, cache, options(doc.uri))));
  connection.onCodeAction(withDoc('codeAction', [], (doc, params) => listCodeActions(doc, params, cache, options(doc.uri))));
  connection.onCodeActionResolve(
    guarded(runtime, 'codeAction/resolve', null as never, (action, token) =>
      resolveWithProgress(connection, action, (uri) => documents.get(uri), pin.resolveFix, abortSignalOf(token)),
    ),
  );
  connection.onRequest(
    STARTUP_PLAN_REQUEST,
    guarded(runtime, 'startupPlan', { workloads: [] } as StartupPlanResult, (params: StartupPlanParams) => {
      const doc = documents.get(params.uri);
      return doc ? startupPlanFor(doc, cache, options(doc.uri)) : { workloads: [] };
    }),
  );
  // The version a document is checked against, as analyze decides it (the settings, or the file's own pin).
  connection.onRequest(
    TARGET_REQUEST,
    guarded(runtime, 'target', undefined as TargetResult | undefined, (params: TargetParams): TargetResult => {
      const doc = documents.get(params.uri);
      const inForce = fileTarget(doc?.getText() ?? '', settings().target);
      return { version: inForce.target.minor, featureGates: { ...inForce.target.featureGates }, source: inForce.source, supported: [...SUPPORTED_MINORS] };
    }),
  );
  registerCommands({ connection, runtime, documents, cache, options, pin });

  documents.listen(connection);
  connection.listen();
}
