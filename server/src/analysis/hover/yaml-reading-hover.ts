/** Hover on a plain scalar Kubernetes reads differently than it looks (`yes` → true, `0644` → 420, `~` → null). */
import { isCollection, isPair, isScalar, type Node, type Scalar } from 'yaml';
import { isSurprisingNumber, readingOf } from '../yaml/reading';
import { contains, type HoverProvider } from './types';

const YAML_READING_DOC = 'https://github.com/pod-lens/pod-lens/blob/main/docs/yaml-reading.md';

export const yamlReadingHover: HoverProvider = ({ document, offset }) => {
  // Only documents kubectl can read carry Kubernetes' values in their nodes.
  if (document.value === undefined) return undefined;
  const found = scalarAt(document.doc.contents, offset);
  if (!isScalar(found) || !found.range) return undefined;
  const span = { start: found.range[0], end: found.range[1] };
  const source = document.text.slice(span.start, span.end);
  const reading = readingOf(found, source);
  if (!reading) return undefined;
  // Plain numbers and true/false/null read as they look: nothing to say.
  if (reading.jsonType === 'number' && !isSurprisingNumber(reading)) return undefined;
  if (/^(?:true|false|null)$/.test(source)) return undefined;
  const sent = reading.jsonType === 'null' ? 'null' : String(reading.value);
  const markdown = [
    `**Kubernetes reads \`${source}\` as ${reading.jsonType === 'bool' ? 'the boolean ' : reading.jsonType === 'number' ? 'the number ' : ''}\`${sent}\`**`,
    '',
    `kubectl reads manifests as YAML 1.1 (sigs.k8s.io/yaml over go-yaml v2): ${reading.because}, so it sends \`${sent}\`. Write \`${JSON.stringify(source)}\` for the text.`,
    '',
    `[How Kubernetes reads YAML](${YAML_READING_DOC})`,
  ].join('\n');
  return { markdown, span };
};

/** The innermost scalar whose range holds the offset: a descent along one path (a full visit is quadratic in depth). */
function scalarAt(root: unknown, offset: number): Scalar | undefined {
  let node: unknown = root;
  for (;;) {
    if (isScalar(node)) return node.range && contains({ start: node.range[0], end: node.range[1] }, offset) ? node : undefined;
    if (!isCollection(node)) return undefined;
    let next: unknown;
    for (const item of node.items as unknown[]) {
      const parts = isPair(item) ? [item.key, item.value] : [item];
      for (const part of parts) {
        const range = (part as Node | null)?.range;
        if (range && contains({ start: range[0], end: range[1] }, offset)) next = part;
      }
      if (next !== undefined) break;
    }
    if (next === undefined) return undefined;
    node = next;
  }
}
