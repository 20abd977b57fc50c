/** Typed getters for the client's own settings and the facts the server needs at start. */
import * as vscode from 'vscode';

export const LANGUAGE_IDS = ['yaml', 'dockercompose', 'helm'] as const;

export function documentSelector(): Array<{ language: string; scheme: string }> {
  return LANGUAGE_IDS.flatMap((language) => [
    { language, scheme: 'file' },
    { language, scheme: 'untitled' },
  ]);
}

export interface ServerFacts {
  redHatYamlInstalled: boolean;
  workspaceTrusted: boolean;
  httpProxy?: string;
}

export function serverFacts(): ServerFacts {
  const proxy = vscode.workspace.getConfiguration('http').get<string>('proxy');
  return {
    redHatYamlInstalled: vscode.extensions.getExtension('redhat.vscode-yaml') !== undefined,
    workspaceTrusted: vscode.workspace.isTrusted,
    ...(proxy ? { httpProxy: proxy } : {}),
  };
}
