/** Typed getters for the client's own settings and the facts the server needs at start. */
import * as vscode from 'vscode';
import type { ClientFacts } from '../../protocol/initialization';

export const LANGUAGE_IDS = ['yaml', 'dockercompose', 'helm'] as const;

export function documentSelector(): Array<{ language: string; scheme: string }> {
  return LANGUAGE_IDS.flatMap((language) => [
    { language, scheme: 'file' },
    { language, scheme: 'untitled' },
  ]);
}

export function serverFacts(): ClientFacts {
  const proxy = vscode.workspace.getConfiguration('http').get<string>('proxy');
  const excluded = vscode.workspace.getConfiguration('files').get<Record<string, boolean>>('exclude') ?? {};
  return {
    filesExclude: Object.entries(excluded).filter(([, on]) => on === true).map(([glob]) => glob),
    redHatYamlInstalled: vscode.extensions.getExtension('redhat.vscode-yaml') !== undefined,
    workspaceTrusted: vscode.workspace.isTrusted,
    ...(proxy ? { httpProxy: proxy } : {}),
  };
}
