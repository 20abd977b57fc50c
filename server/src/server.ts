/** startServer: the wiring table from LSP requests to features. Nothing else lives here. */
import {
  TextDocuments,
  TextDocumentSyncKind,
  ResponseError,
  LSPErrorCodes,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type CancellationToken,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { complete } from './lsp/completion';
import { listCodeActions, resolveCodeAction } from './lsp/code-actions';
import { lenses } from './lsp/code-lens';
import { CHANGE_DEBOUNCE_MS, DiagnosticsScheduler } from './lsp/diagnostics';
import { DocumentCache } from './lsp/document-cache';
import { hover } from './lsp/hover';
import { definition } from './lsp/definition';
import { analysisOptions, DEFAULT_SETTINGS, readSettings, type ClientFacts, type Settings } from './lsp/settings';
import { createPinResolver } from './lsp/pin';
import { registerCommands, COMMANDS } from './lsp/commands';
import type { Runtime } from './runtime';
import { WorkspaceSync } from './lsp/workspace-sync';
import { OnlineDigests } from './lsp/online-digests';
import { startupPlanFor } from './lsp/startup-plan';
import { STARTUP_PLAN_REQUEST, type StartupPlanParams, type StartupPlanResult } from '../../protocol/startup-plan';

/** Runs a handler so that no exception reaches the client: it is logged and the request answers `fallback`. */
function guarded<P, R>(runtime: Runtime, name: string, fallback: R, fn: (params: P, token: CancellationToken) => R | Promise<R>) {
  return async (params: P, token: CancellationToken): Promise<R> => {
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    try {
      if (runtime.faults?.has(name)) throw new Error(`injected fault in ${name}`);
      return await fn(params, token);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      runtime.logger.error(`${name} failed`, error);
      return fallback;
    }
  };
}

export function abortSignalOf(token: CancellationToken): AbortSignal {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  else token.onCancellationRequested(() => controller.abort());
  return controller.signal;
}

export function startServer(connection: Connection, runtime: Runtime): void {
  const documents = new TextDocuments(TextDocument);
  const pin = createPinResolver(runtime, () => settings, () => facts);
  const cache = new DocumentCache(() => workspaceSync.index.generation * 1_000_003 + online.generation);
  let facts: ClientFacts = {};
  let settings: Settings = DEFAULT_SETTINGS;
  let canPullConfiguration = false;
  // The index is read by workspace-scoped rules; its generation keys the cached analyses.
  const workspaceSync = new WorkspaceSync({
    connection,
    runtime,
    exclude: () => [...settings.exclude, ...(facts.filesExclude ?? [])],
    maxFileSize: () => settings.maxFileSize,
    isOpen: (uri) => documents.get(uri) !== undefined,
    onChange: () => {
      for (const doc of documents.all()) scheduler.publish(doc);
    },
  });
  const online = new OnlineDigests(runtime, pin, () => settings.registry.onlineChecks && facts.workspaceTrusted !== false, () => {
    for (const doc of documents.all()) scheduler.publish(doc);
  });
  // Hosts the user holds credentials for are private registries too (read once: hosts only, never secrets).
  let credentialHosts: string[] | undefined;
  const privateRegistries = () => {
    credentialHosts ??= runtime.configuredRegistries?.() ?? [];
    return [...settings.privateRegistries, ...credentialHosts];
  };
  const options = () => ({
    ...analysisOptions(settings),
    privateRegistries: privateRegistries(),
    workspace: workspaceSync.index,
    ...(settings.registry.onlineChecks ? { currentDigests: online.current } : {}),
  });
  let folders: InitializeParams['workspaceFolders'] = null;
  const scheduler = new DiagnosticsScheduler({
    connection,
    runtime,
    cache,
    options,
    maxFileSize: () => settings.maxFileSize,
    getDocument: (uri) => documents.get(uri),
    generation: () => workspaceSync.index.generation * 1_000_003 + online.generation,
    afterPublish: (doc) => online.check(cache.model(doc)),
  });

  connection.onInitialize((params): InitializeResult => {
    facts = (params.initializationOptions ?? {}) as ClientFacts;
    folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : null);
    settings = readSettings(undefined, facts);
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        definitionProvider: true,
        codeActionProvider: { resolveProvider: true, codeActionKinds: ['quickfix', 'refactor.rewrite', 'source'] },
        codeLensProvider: { resolveProvider: false },
        completionProvider: { triggerCharacters: [' ', ':'] },
        executeCommandProvider: { commands: Object.values(COMMANDS) },
      },
      serverInfo: { name: 'pod-lens', version: runtime.version },
    };
  });

  async function pullSettings(): Promise<void> {
    if (!canPullConfiguration) return;
    try {
      const raw: unknown = await connection.workspace.getConfiguration('podLens');
      settings = readSettings(raw, facts);
    } catch (error) {
      runtime.logger.error('reading settings failed', error);
    }
  }

  function republishAll(): void {
    cache.invalidateAnalyses();
    for (const doc of documents.all()) scheduler.publish(doc);
  }

  connection.onInitialized(async () => {
    await pullSettings();
    republishAll();
    // In the background: open documents are checked at once and again when the index is ready.
    void workspaceSync.scan(folders).catch((error) => runtime.logger.error('workspace scan failed', error));
  });
  connection.onDidChangeConfiguration(async (change) => {
    if (canPullConfiguration) await pullSettings();
    else settings = readSettings((change.settings as { podLens?: unknown } | undefined)?.podLens, facts);
    republishAll();
  });

  documents.onDidOpen((e) => scheduler.schedule(e.document.uri, 0));
  documents.onDidChangeContent((e) => {
    workspaceSync.documentChanged(e.document.uri, e.document.getText());
    scheduler.schedule(e.document.uri, CHANGE_DEBOUNCE_MS);
  });
  workspaceSync.listen();
  documents.onDidClose((e) => {
    cache.delete(e.document.uri);
    scheduler.clear(e.document.uri);
  });

  const withDoc = <P extends { textDocument: { uri: string } }, R>(name: string, fallback: R, fn: (doc: TextDocument, params: P, token: CancellationToken) => R | Promise<R>) =>
    guarded<P, R>(runtime, name, fallback, (params, token) => {
      const doc = documents.get(params.textDocument.uri);
      return doc ? fn(doc, params, token) : fallback;
    });

  connection.onHover(withDoc('hover', null, (doc, params) => hover(doc, params, cache, options())));
  connection.onDefinition(withDoc('definition', [], (doc, params) => definition(doc, params, cache, workspaceSync.index, (uri) => documents.get(uri))));
  connection.onCompletion(withDoc('completion', [], (doc, params) => complete(doc, params, cache)));
  connection.onCodeLens(withDoc('codeLens', [], (doc) => lenses(doc, cache, options())));
  connection.onCodeAction(withDoc('codeAction', [], (doc, params) => listCodeActions(doc, params, cache, options())));
  connection.onCodeActionResolve(
    guarded(runtime, 'codeAction/resolve', null as never, async (action, token) => {
      // The registry lookup can take seconds: show it (a no-op for clients without work-done progress).
      const image = (action.data as { fix?: { image?: string } } | undefined)?.fix?.image;
      const progress = image ? await connection.window.createWorkDoneProgress() : undefined;
      progress?.begin('Pod Lens', undefined, `Resolving ${image}…`, false);
      try {
        return await resolveCodeAction(action, (uri) => documents.get(uri), pin.resolveFix, abortSignalOf(token));
      } finally {
        progress?.done();
      }
    }),
  );
  connection.onRequest(
    STARTUP_PLAN_REQUEST,
    guarded(runtime, 'startupPlan', { workloads: [] } as StartupPlanResult, (params: StartupPlanParams) => {
      const doc = documents.get(params.uri);
      return doc ? startupPlanFor(doc, cache) : { workloads: [] };
    }),
  );
  registerCommands({ connection, runtime, documents, cache, options, pin });

  documents.listen(connection);
  connection.listen();
}
