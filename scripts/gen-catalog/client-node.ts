/** Reads the generated models of one @kubernetes/client-node release as data: fields, JSON types, formats, required, descriptions. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface ClientField {
  /** The JSON name. */
  name: string;
  /** client-node's type text: `string`, `number`, `Array<V1Container>`, `{ [key: string]: string; }`, `IntOrString`… */
  type: string;
  /** OpenAPI format (`int32`, `int64`, `date-time`, `byte`, `int-or-string`…); '' or absent in older releases. */
  format: string;
  required: boolean;
  description: string;
}

export interface ClientModel {
  name: string;
  description: string;
  fields: ClientField[];
}

/** Un-escapes what the generator escaped inside JSDoc (`\'`, `\"`) and joins the comment's lines. */
function commentText(raw: string): string {
  return raw
    .split('\n')
    .map((l) => l.replace(/^\s*\*\s?/, ''))
    .join('\n')
    .replace(/\\(['"])/g, '$1')
    .trim();
}

function attributeTypeMap(js: string, file: string): Array<{ name: string; baseName: string; type: string; format?: string }> {
  const m = /attributeTypeMap = (\[[\s\S]*?\n\]);/.exec(js);
  if (!m) throw new Error(`no attributeTypeMap in ${file}`);
  return JSON.parse(m[1]!) as Array<{ name: string; baseName: string; type: string; format?: string }>;
}

/** Properties of the declared class: name, optional marker and the JSDoc above. */
function declaredProperties(dts: string): Map<string, { required: boolean; description: string }> {
  const out = new Map<string, { required: boolean; description: string }>();
  const body = dts.slice(dts.indexOf('export declare class'));
  for (const m of body.matchAll(/(?:\/\*\*\n([\s\S]*?)\*\/\n)?\s*'([^']+)'(\??):/g)) {
    out.set(m[2]!, { required: m[3] !== '?', description: m[1] ? commentText(m[1]) : '' });
  }
  return out;
}

function classDescription(dts: string): string {
  const at = dts.indexOf('export declare class');
  const before = dts.slice(0, at);
  const m = /\/\*\*\n((?:(?!\*\/)[\s\S])*?)\*\/\s*$/.exec(before);
  return m ? commentText(m[1]!) : '';
}

/** The release's header names the OpenAPI document it came from; refuse a package mapped to the wrong minor. */
function assertMinor(js: string, file: string, minor: string): void {
  const m = /(?:OpenAPI spec version|The version of the OpenAPI document): (?:release-|v)(\d+\.\d+)/.exec(js);
  if (!m || m[1] !== minor) throw new Error(`${file} was generated from Kubernetes ${m?.[1] ?? '?'}, not ${minor}`);
}

export function readClientNode(dir: string, minor: string): Map<string, ClientModel> {
  const modelsDir = ['dist/gen/models', 'dist/gen/model'].map((d) => join(dir, d)).find((d) => {
    try {
      return readdirSync(d).length > 0;
    } catch {
      return false;
    }
  });
  if (!modelsDir) throw new Error(`no generated models in ${dir}`);
  const models = new Map<string, ClientModel>();
  let checked = false;
  for (const file of readdirSync(modelsDir).sort()) {
    if (!file.endsWith('.d.ts')) continue;
    const jsFile = join(modelsDir, file.replace(/\.d\.ts$/, '.js'));
    const dts = readFileSync(join(modelsDir, file), 'utf8');
    const cls = /export declare class (\w+)/.exec(dts)?.[1];
    if (!cls) continue;
    const js = readFileSync(jsFile, 'utf8');
    if (!js.includes('attributeTypeMap')) continue;
    if (!checked) {
      assertMinor(js, jsFile, minor);
      checked = true;
    }
    const props = declaredProperties(dts);
    const fields = attributeTypeMap(js, jsFile).map((a): ClientField => {
      const p = props.get(a.name) ?? props.get(a.baseName);
      return { name: a.baseName, type: a.type, format: a.format ?? '', required: p?.required ?? false, description: p?.description ?? '' };
    });
    models.set(cls, { name: cls, description: classDescription(dts), fields });
  }
  return models;
}
