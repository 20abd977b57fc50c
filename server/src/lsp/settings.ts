/**
 * podLens.* as the editor holds them: pulled with workspace/configuration when the client can be asked, otherwise taken
 * from didChangeConfiguration's payload. What the values mean is settings/; this is only how they arrive.
 */
import type { ClientCapabilities, Connection, DidChangeConfigurationParams } from 'vscode-languageserver';
import type { ClientFacts } from '../../../protocol/initialization';
import type { Logger } from '../runtime';
import { namespaceSettingProblems, readDefaultNamespace, readSettings, targetSettingProblems } from '../settings/read-settings';
import { DEFAULT_SETTINGS, type Settings } from '../settings/settings';

export class ClientSettings {
  /** The settings in force: the defaults until the client's were read. */
  current: Settings = DEFAULT_SETTINGS;
  private canPull = false;
  /** What was last said about the target and namespace settings: said once, not at every pull. */
  private reportedProblems = '';

  constructor(
    private readonly connection: Connection,
    private readonly logger: Logger,
    private readonly facts: () => ClientFacts,
    /** The workspace folders' URIs: `podLens.defaultNamespace` has resource scope, so each is asked for its own. */
    private readonly folders: () => string[] = () => [],
  ) {}

  /** At initialize: the defaults under the client's facts, and whether workspace/configuration may be asked. */
  initialize(capabilities: ClientCapabilities): void {
    this.current = readSettings(undefined, this.facts());
    this.canPull = capabilities.workspace?.configuration === true;
  }

  /**
   * Asks the client for the podLens section, and each folder for its `podLens.defaultNamespace` (in one request); a
   * client that cannot be asked, or a failed request, changes nothing.
   */
  async pull(): Promise<void> {
    if (!this.canPull) return;
    try {
      const folders = this.folders();
      const [section, ...scoped] = (await this.connection.workspace.getConfiguration([
        { section: 'podLens' },
        ...folders.map((scopeUri) => ({ scopeUri, section: 'podLens.defaultNamespace' })),
      ])) as unknown[];
      this.apply(section, folders.map((folder, i) => ({ folder, value: scoped[i] })));
    } catch (error) {
      this.logger.error('reading settings failed', error);
    }
  }

  /** didChangeConfiguration: pulled again when the client can be asked, else read from the notification itself. */
  async changed(change: DidChangeConfigurationParams): Promise<void> {
    if (this.canPull) await this.pull();
    else this.apply((change.settings as { podLens?: unknown } | undefined)?.podLens);
  }

  private apply(raw: unknown, folderValues: Array<{ folder: string; value: unknown }> = []): void {
    const settings = readSettings(raw, this.facts());
    // A folder that sets nothing answers with the workspace's value (VS Code), or null (a client that does not resolve
    // scopes): only a value of its own counts, and a wrong one is said once, not once per folder.
    const workspaceValue = (raw as { defaultNamespace?: unknown } | null | undefined)?.defaultNamespace ?? '';
    const own = folderValues.filter((f) => f.value !== undefined && f.value !== null && f.value !== workspaceValue);
    const folderNamespaces = own.map((f) => ({ folder: f.folder, namespace: readDefaultNamespace(f.value) })).filter((f) => f.namespace !== settings.defaultNamespace);
    this.current = { ...settings, folderNamespaces };
    const problems = [...targetSettingProblems(raw), ...namespaceSettingProblems(workspaceValue), ...own.flatMap((f) => namespaceSettingProblems(f.value, f.folder))];
    const key = problems.join('\n');
    if (key !== this.reportedProblems) for (const p of problems) this.logger.info(`[warning] ${p}`);
    this.reportedProblems = key;
  }
}
