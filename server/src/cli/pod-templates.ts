/** `--pod-templates <file.json>`: the CLI's podLens.podTemplates, read from a JSON file (the same list as the setting). */
import { isAbsolute, resolve } from 'node:path';
import type { CustomPodTemplates } from '../analysis/model/custom-resources';
import { readPodTemplates } from '../analysis/model/pod-templates-setting';
import { nodeFileSystem } from '../fs/node-file-system';
import { UsageError, type ParsedArgs } from './args';

/** A declaration file is a short list: anything bigger is not one. */
const MAX_BYTES = 1024 * 1024;

/** The declared kinds, or none without the flag; an unreadable file or bad JSON is a usage error, a bad entry a warning. */
export async function podTemplatesFlag(args: ParsedArgs, cwd: string, warn: (line: string) => void): Promise<CustomPodTemplates[]> {
  const file = args.flags.get('pod-templates');
  if (file === undefined) return [];
  if (file === true || file === '') throw new UsageError('--pod-templates needs a JSON file');
  const path = isAbsolute(file) ? file : resolve(cwd, file);
  const read = await nodeFileSystem.readFile(path, MAX_BYTES);
  if (!read.ok) throw new UsageError(`--pod-templates ${file}: ${read.reason}`);
  let raw: unknown;
  try {
    raw = JSON.parse(read.text);
  } catch (error) {
    throw new UsageError(`--pod-templates ${file}: not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { entries, problems } = readPodTemplates(raw);
  // The messages name the setting; on the command line the place is the file.
  for (const p of problems) warn(`pod-lens: ${file}: ${p.replace(/^podLens\.podTemplates/, '')}\n`);
  return entries;
}
