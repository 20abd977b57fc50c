/**
 * Client and server share their contracts through protocol/: the ids live there once, the client's manifest declares
 * the client-side ones, and no source file under client/ or server/ spells an id of its own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CHOOSE_VERSION_COMMAND, PIN_ALL_COMMAND, PREVIEW_COMMAND, SERVER_COMMANDS } from '../../protocol/commands';

const ROOT = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : full.endsWith('.ts') ? [full] : [];
  });
}

test('the editor declares the client commands; the server-only pin-all is executed by the server, not contributed', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { commands: Array<{ command: string }> } };
  const declared = manifest.contributes.commands.map((c) => c.command);
  assert.ok(declared.includes(PREVIEW_COMMAND), PREVIEW_COMMAND);
  assert.ok(declared.includes(CHOOSE_VERSION_COMMAND), CHOOSE_VERSION_COMMAND);
  assert.ok(!declared.includes(PIN_ALL_COMMAND), PIN_ALL_COMMAND);
  assert.deepEqual([...SERVER_COMMANDS], [PIN_ALL_COMMAND]);
});

test('no file of client/ or server/ copies a protocol command id: they import it', () => {
  const copies = [...sources(join(ROOT, 'client', 'src')), ...sources(join(ROOT, 'server', 'src'))].filter((file) => {
    const text = readFileSync(file, 'utf8');
    return [PREVIEW_COMMAND, PIN_ALL_COMMAND, CHOOSE_VERSION_COMMAND].some((id) => text.includes(`'${id}'`) || text.includes(`"${id}"`));
  });
  assert.deepEqual(copies, []);
});
