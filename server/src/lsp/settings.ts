/**
 * podLens.* as the editor holds them: pulled with workspace/configuration when the client can be asked, otherwise taken
 * from didChangeConfiguration's payload. What the values mean is settings/; this is only how they arrive.
 */
import type { ClientCapabilities, Connection, DidChangeConfigurationParams } from 'vscode-languageserver';
import type { ClientFacts } from '../../../protocol/initialization';
import type { Logger } from '../runtime';
import { namespaceSettingProblems, readSettings, targetSettingProblems } from '../settings/read-settings';
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
  ) {}

  /** At initialize: the defaults under the client's facts, and whether workspace/configuration may be asked. */
  initialize(capabilities: ClientCapabilities): void {
    this.current = readSettings(undefined, this.facts());
    this.canPull = capabilities.workspace?.configuration === true;
  }

  /** Asks the client for the podLens section; a client that cannot be asked, or a failed request, changes nothing. */
  async pull(): Promise<void> {
    if (!this.canPull) return;
    try {
      this.apply(await this.connection.workspace.getConfiguration('podLens'));
    } catch (error) {
      this.logger.error('reading settings failed', error);
    }
  }

  /** didChangeConfiguration: pulled again when the client can be asked, else read from the notification itself. */
  async changed(change: DidChangeConfigurationParams): Promise<void> {
    if (this.canPull) await this.pull();
    else this.apply((change.settings as { podLens?: unknown } | undefined)?.podLens);
  }

  private apply(raw: unknown): void {
    this.current = readSettings(raw, this.facts());
    const problems = [...targetSettingProblems(raw), ...namespaceSettingProblems(raw)];
    const key = problems.join('\n');
    if (key !== this.reportedProblems) for (const p of problems) this.logger.info(`[warning] ${p}`);
    this.reportedProblems = key;
  }
}
