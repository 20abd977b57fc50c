/** workspace/executeCommand: the server's commands, one table. */
import { ResponseError, ErrorCodes, type Connection, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisOptions } from '../analysis/options';
import type { Runtime } from '../runtime';
import type { DocumentCache } from './document-cache';
import type { PinResolver } from './pin';
import { pinAllEdits } from './pin-all';
import { PIN_ALL_COMMAND } from '../../../protocol/commands';

export interface CommandDeps {
  connection: Connection;
  runtime: Runtime;
  documents: TextDocuments<TextDocument>;
  cache: DocumentCache;
  options: () => AnalysisOptions;
  pin: PinResolver;
}

export function registerCommands(deps: CommandDeps): void {
  deps.connection.onExecuteCommand(async (params, token) => {
    try {
      if (params.command === PIN_ALL_COMMAND) {
        const uri = String(params.arguments?.[0] ?? '');
        const doc = deps.documents.get(uri);
        if (!doc) throw new ResponseError(ErrorCodes.InvalidParams, `No open document ${uri}`);
        return await pinAllEdits(doc, deps, token);
      }
      throw new ResponseError(ErrorCodes.MethodNotFound, `Unknown command ${params.command}`);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      deps.runtime.logger.error(`command ${params.command} failed`, error);
      throw new ResponseError(ErrorCodes.InternalError, error instanceof Error ? error.message : String(error));
    }
  });
}
