/** Writes docs/rules/<id>.md for every rule and refreshes the README's rule table. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../server/src/analysis/rules/index';
import { rulePage, withReadmeTable } from './rule-docs';

const root = join(__dirname, '..');
mkdirSync(join(root, 'docs', 'rules'), { recursive: true });
for (const rule of RULES) writeFileSync(join(root, 'docs', 'rules', `${rule.id}.md`), rulePage(rule));
const readme = join(root, 'README.md');
writeFileSync(readme, withReadmeTable(readFileSync(readme, 'utf8')));
console.log(`wrote ${RULES.length} rule pages and the README table`);
