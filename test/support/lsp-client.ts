/**
 * A real JSON-RPC client for the language server, with typed helpers and event waits. The server runs in this process
 * by default; `process: true` (or a `command`) runs the built bundle as a child over stdio (`node dist/server.js --stdio`).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createProtocolConnection,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import {
  ApplyWorkspaceEditRequest,
  CodeActionRequest,
  CodeActionResolveRequest,
  CodeLensRequest,
  CompletionRequest,
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExecuteCommandRequest,
  ExitNotification,
  HoverRequest,
  InitializeRequest,
  InitializedNotification,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  type CodeAction,
  type CodeLens,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type Hover,
  type Position,
  type PublishDiagnosticsParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { childProcessServer, inProcessServer, type ServerTransport } from './lsp-transport';
import type { FileSystem } from '../../server/src/fs/file-system';

export const ROOT = join(__dirname, '..', '..');

/** The test's own environment, but without the developer's registry credentials (docker and podman configs). */
export function isolatedEnv(): NodeJS.ProcessEnv {
  const empty = mkdtempSync(join(tmpdir(), 'pod-lens-no-creds-'));
  const env: NodeJS.ProcessEnv = { ...process.env, DOCKER_CONFIG: empty, XDG_CONFIG_HOME: empty, REGISTRY_AUTH_FILE: join(empty, 'auth.json') };
  delete env.XDG_RUNTIME_DIR;
  return env;
}
export const SERVER = join(ROOT, 'dist', 'server.js');

/** Waits for a predicate over incoming events, failing after a deadline (never a sleep). */
export function deadline<T>(ms: number, what: string, register: (resolve: (v: T) => void) => () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let dispose = () => {};
    const timer = setTimeout(() => {
      dispose();
      reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
    }, ms);
    dispose = register((v) => {
      clearTimeout(timer);
      dispose();
      resolve(v);
    });
  });
}

export class LspClient {
  readonly connection: ProtocolConnection;
  private readonly server: ServerTransport;
  private readonly docs = new Map<string, TextDocument>();
  private readonly diagnosticListeners = new Set<(p: PublishDiagnosticsParams) => void>();
  readonly latest = new Map<string, PublishDiagnosticsParams>();
  settings: Record<string, unknown> = {};
  readonly appliedEdits: WorkspaceEdit[] = [];
  /** window/logMessage texts, in order. */
  readonly logs: string[] = [];
  private readonly logListeners = new Set<(m: string) => void>();

  /** Answers workspace/configuration for other sections (a peer server's own settings). */
  otherSections: Record<string, unknown> = {};
  /** A workspace folder's own podLens values (by folder URI), over `settings` when the server asks with that scope. */
  folderSettings: Record<string, Record<string, unknown>> = {};

  constructor(server: ServerTransport) {
    this.server = server;
    this.connection = createProtocolConnection(server.reader, server.writer);
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.latest.set(p.uri, p);
      for (const l of [...this.diagnosticListeners]) l(p);
    });
    this.connection.onNotification(LogMessageNotification.type, (p) => {
      this.logs.push(p.message);
      for (const l of [...this.logListeners]) l(p.message);
    });
    this.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => this.configuration(item.section ?? '', item.scopeUri)));
    this.connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      this.appliedEdits.push(params.edit);
      this.applyWorkspaceEdit(params.edit);
      return { applied: true };
    });
    this.connection.listen();
  }

  static async start(
    options: {
      settings?: Record<string, unknown>;
      initializationOptions?: unknown;
      env?: NodeJS.ProcessEnv;
      /** Run the built server as a child process (implied by `command`), for tests about the process itself. */
      process?: boolean;
      command?: string[];
      otherSections?: Record<string, unknown>;
      /** Workspace folders' own podLens values, by folder URI (resource-scoped settings). */
      folderSettings?: Record<string, Record<string, unknown>>;
      workspaceFolders?: Array<{ uri: string; name: string }>;
      /** The files the server reads instead of the disk (in process only: a child process has only the disk). */
      fileSystem?: FileSystem;
    } = {},
  ): Promise<LspClient> {
    const env = options.env ?? isolatedEnv();
    const isChild = options.process === true || options.command !== undefined;
    if (isChild && options.fileSystem) throw new Error('fileSystem: a server in a child process reads the disk');
    const client = new LspClient(isChild ? childProcessServer(options.command ?? [SERVER, '--stdio'], env) : inProcessServer(env, options.fileSystem));
    client.settings = options.settings ?? {};
    client.otherSections = options.otherSections ?? {};
    client.folderSettings = options.folderSettings ?? {};
    await client.connection.sendRequest(InitializeRequest.type, {
      // In process, no parent to watch: a process id would start vscode-languageserver's never-cleared watchdog timer.
      processId: isChild ? process.pid : null,
      rootUri: null,
      workspaceFolders: options.workspaceFolders ?? null,
      capabilities: { workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true } } },
      initializationOptions: options.initializationOptions ?? {},
    });
    client.connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /** As VS Code answers: a folder's own value over the workspace's; `podLens.x` is one value of the section. */
  private configuration(section: string, scopeUri: string | undefined): unknown {
    if (section !== 'podLens' && !section.startsWith('podLens.')) return this.otherSections[section] ?? null;
    const values = { ...this.settings, ...(scopeUri === undefined ? {} : this.folderSettings[scopeUri]) };
    return section === 'podLens' ? values : (values[section.slice('podLens.'.length)] ?? null);
  }

  text(uri: string): string {
    return this.docs.get(uri)!.getText();
  }

  /** The server process id, for memory readings (a child process only). */
  get pid(): number | undefined {
    return this.server.pid;
  }

  /** A child-process server's exit code, once `stop` has returned. */
  get exitCode(): number | null {
    return this.server.exitCode();
  }

  /** What a child-process server wrote to stderr. */
  get stderr(): string {
    return this.server.stderr();
  }

  /** Position of the n-th occurrence of `needle` (plus `delta` characters) in an open document. */
  positionOf(uri: string, needle: string, delta = 0, occurrence = 0): Position {
    const doc = this.docs.get(uri)!;
    let at = -1;
    for (let i = 0; i <= occurrence; i++) at = doc.getText().indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not found in ${uri}`);
    return doc.positionAt(at + delta);
  }

  /** Resolves with the first log message matching `pattern` (already logged or still to come), within `ms`. */
  log(pattern: RegExp, ms = 30_000): Promise<string> {
    const seen = this.logs.find((m) => pattern.test(m));
    if (seen) return Promise.resolve(seen);
    return deadline(ms, `a log message matching ${pattern}`, (resolve) => {
      const listener = (m: string) => {
        if (pattern.test(m)) resolve(m);
      };
      this.logListeners.add(listener);
      return () => this.logListeners.delete(listener);
    });
  }

  /** Resolves with the next diagnostics for `uri` that satisfy `accept` (default: any), within `ms`. */
  nextDiagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, ms = 10_000): Promise<Diagnostic[]> {
    return deadline(ms, `diagnostics for ${uri}`, (resolve) => {
      const listener = (p: PublishDiagnosticsParams) => {
        if (p.uri === uri && accept(p)) resolve(p.diagnostics);
      };
      this.diagnosticListeners.add(listener);
      return () => this.diagnosticListeners.delete(listener);
    });
  }

  async open(uri: string, text: string, languageId = 'yaml', ms = 10_000): Promise<Diagnostic[]> {
    const wait = this.nextDiagnostics(uri, (p) => p.version === undefined || p.version === 1, ms);
    this.docs.set(uri, TextDocument.create(uri, languageId, 1, text));
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return wait;
  }

  /** Applies edits as the editor would (incremental sync) and waits for that version's diagnostics. */
  async change(uri: string, edits: TextEdit[], ms = 10_000): Promise<Diagnostic[]> {
    const doc = this.docs.get(uri)!;
    const version = doc.version + 1;
    // Servers that do not send versions (yaml-language-server) are matched by the next publication.
    const wait = this.nextDiagnostics(uri, (p) => p.version === version || p.version === undefined, ms);
    this.docs.set(uri, TextDocument.update(doc, edits.map((e) => ({ range: e.range, text: e.newText })), version));
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: edits.map((e) => ({ range: e.range, text: e.newText })),
    });
    return wait;
  }

  async close(uri: string): Promise<Diagnostic[]> {
    const wait = this.nextDiagnostics(uri, (p) => p.diagnostics.length === 0);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    this.docs.delete(uri);
    return wait;
  }

  async setSettings(settings: Record<string, unknown>, uriToAwait?: string): Promise<Diagnostic[] | undefined> {
    this.settings = settings;
    const wait = uriToAwait ? this.nextDiagnostics(uriToAwait) : undefined;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { podLens: settings } });
    return wait;
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  async completion(uri: string, position: Position): Promise<CompletionItem[]> {
    const r: CompletionItem[] | CompletionList | null = await this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
    return Array.isArray(r) ? r : (r?.items ?? []);
  }

  codeLens(uri: string): Promise<CodeLens[] | null> {
    return this.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
  }

  async codeActions(uri: string, start: Position, end: Position = start, only?: string[]): Promise<CodeAction[]> {
    const diagnostics = (this.latest.get(uri)?.diagnostics ?? []).filter(
      (d) => !(d.range.end.line < start.line || d.range.start.line > end.line),
    );
    const r = await this.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start, end },
      context: { diagnostics, ...(only ? { only } : {}) },
    });
    return (r ?? []).filter((a): a is CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'));
  }

  resolve(action: CodeAction): Promise<CodeAction> {
    return this.connection.sendRequest(CodeActionResolveRequest.type, action);
  }

  /** Tells the server files changed on disk, as the editor's file watcher does. */
  async filesChanged(changes: Array<{ uri: string; type: 1 | 2 | 3 }>): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  executeCommand(command: string, args: unknown[]): Promise<unknown> {
    return this.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
  }

  /** Applies a workspace edit to the client's copies of the documents (as the editor would). */
  applyWorkspaceEdit(edit: WorkspaceEdit): void {
    const perUri = new Map<string, TextEdit[]>();
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) perUri.set(uri, edits);
    for (const change of edit.documentChanges ?? []) {
      if ('textDocument' in change) perUri.set(change.textDocument.uri, change.edits as TextEdit[]);
    }
    for (const [uri, edits] of perUri) {
      const doc = this.docs.get(uri);
      if (doc) this.docs.set(uri, TextDocument.create(uri, doc.languageId, doc.version, TextDocument.applyEdits(doc, edits)));
    }
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      if (this.server.canExit) await this.connection.sendNotification(ExitNotification.type);
    } finally {
      await this.server.close();
      this.connection.dispose();
    }
  }
}

/** Starts a server (in process unless `process: true`), runs `fn` with a client, and always shuts the server down. */
export async function withServer<T>(options: Parameters<typeof LspClient.start>[0], fn: (client: LspClient) => Promise<T>): Promise<T> {
  const client = await LspClient.start(options);
  try {
    return await fn(client);
  } finally {
    await client.stop();
  }
}
