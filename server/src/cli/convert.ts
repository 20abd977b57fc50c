/** `pod-lens convert`: each document as kubectl would send it to the API server, as JSON lines or YAML. */
import { stringify } from 'yaml';
import { BudgetExceeded, type KubeValue } from '../analysis/yaml/decode';
import { splitLikeKubectl } from '../analysis/yaml/kubectl-split';
import { toKubeJson } from '../analysis/yaml/kube-json';
import { readKubectlDocument } from '../analysis/yaml/read-stream';
import type { Input } from './inputs';

/** Far above any real manifest; keeps a hostile input from running unbounded. */
const MAX_STEPS = 50_000_000;

export interface ConvertOutcome {
  output: string;
  /** Some document cannot be read by kubectl. */
  hasErrors: boolean;
}

/**
 * One line per document: the JSON kubectl sends (sorted keys, as encoding/json writes them), or for a document it
 * cannot read `{"file": …, "document": N, "error": "…"}` (N counts from 0 in the file). Empty documents are skipped,
 * as kubectl skips them. `yaml` writes the same values as YAML documents (YAML 1.1 quoting, so they read back the same).
 */
export function convertInputs(inputs: Input[], to: 'json' | 'yaml'): ConvertOutcome {
  const out: string[] = [];
  let hasErrors = false;
  for (const input of inputs) {
    splitLikeKubectl(input.text).forEach((chunk, document) => {
      let error: string | undefined;
      let value: KubeValue = null;
      try {
        const decoded = readKubectlDocument(chunk.text, { maxSteps: MAX_STEPS });
        if (decoded.ok) value = decoded.value;
        else error = decoded.error;
      } catch (e) {
        if (!(e instanceof BudgetExceeded)) throw e;
        error = 'Pod Lens stopped reading this document: it is too large';
      }
      if (error !== undefined) {
        hasErrors = true;
        const line = JSON.stringify({ file: input.path, document, error });
        out.push(to === 'json' ? line : `# ${line}`);
        return;
      }
      if (value === null) return;
      out.push(to === 'json' ? toKubeJson(value) : `---\n${stringify(JSON.parse(toKubeJson(value)), { version: '1.1', lineWidth: 0 }).trimEnd()}`);
    });
  }
  return { output: out.length ? `${out.join('\n')}\n` : '', hasErrors };
}
