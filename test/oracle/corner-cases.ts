/** fast-check generators of YAML corner cases where go-yaml v2 and YAML 1.2 readers part ways, for the differential test. */
import fc from 'fast-check';

/** Plain scalars YAML 1.1 reads as something else than text, and texts that look like them. */
const PLAIN = [
  'yes', 'no', 'on', 'off', 'y', 'n', 'Y', 'N', 'Yes', 'NO', 'On', 'OFF', 'True', 'FALSE', 'true', 'false', 'yEs', 'oN',
  '~', 'null', 'Null', 'NULL', 'nULL', '0644', '0x1F', '0o17', '0b101', '-0b11', '1_000', '+12', '-0', '08', '09.5', '012345678',
  '1e3', '1E-3', '1.5e+10', '.5', '-.5', '+.5', '.', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '1:20', '190:20:30',
  '2001-12-14', '2001-12-14T21:59:43.10-05:00', '2001-12-14 21:59:43.10', '2001-13-14', '2001-2-3', '12.5.6',
  '9223372036854775807', '9223372036854775808', '18446744073709551615', '18446744073709551616', '-9223372036854775809',
  '0.1', '1.', '1e400', '1_0.5', '0b', '0x', '+', '-', '123abc', 'abc', 'hello world', 'a-b', 'x#y', 'é', '日本',
  '1.0', '100', '0', '00', '0.0', '-1', '3.14159265358979323846', '1000000', '1e21', '1e-7', '0.000001',
];

const WORD = fc.constantFrom(...PLAIN);
const KEY = fc.constantFrom('a', 'name', 'value', 'y', 'n', 'on', '1', '0x1', '1.5', 'true', 'null', '~', 'key with space', '<<', 'x', 'b');

function singleQuoted(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

function doubleQuoted(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A scalar in one of the styles, possibly tagged, possibly continued on the next line at some column. */
const scalar = (indent: number): fc.Arbitrary<string> =>
  fc.oneof(
    WORD,
    WORD.map(singleQuoted),
    WORD.map(doubleQuoted),
    fc.constantFrom('"\\x41\\u263A\\t\\N"', '"\\q"', '"\\uD800"', "'it''s'", '"a\\\n  b"', '""', "''"),
    fc.tuple(WORD, WORD, fc.integer({ min: 0, max: indent + 4 }), fc.constantFrom("'", '"', '')).map(
      ([a, b, col, q]) => `${q}${a}\n${' '.repeat(col)}${b}${q}`,
    ),
    fc.tuple(fc.constantFrom('!!str', '!!int', '!!float', '!!bool', '!!null', '!!timestamp', '!foo', '!', '!<tag:yaml.org,2002:str>', '!!binary', '!!map', '!!merge'), WORD).map(
      ([t, w]) => `${t} ${w}`,
    ),
    fc.constantFrom('!!binary aGVsbG8=', '!!binary aGVsbG8', '!!binary "aGVs\\nbG8="', '!!int', '!!str'),
  );

/** A block scalar header and body, rendered at the indentation of its key. */
const blockScalar: fc.Arbitrary<(indent: number) => string> = fc
  .tuple(
    fc.constantFrom('|', '>', '|-', '>+', '|2', '>-', '|+', '|0', '| # c', '|x'),
    fc.array(fc.tuple(fc.integer({ min: -2, max: 3 }), WORD, fc.boolean()), { minLength: 0, maxLength: 3 }),
  )
  .map(([head, lines]) => (indent: number) =>
    `${head}\n${lines.map(([extra, w, tab]) => `${' '.repeat(Math.max(0, indent + extra - (tab ? 1 : 0)))}${tab ? '\t' : ''}${w}`).join('\n')}`,
  );

interface Tree {
  text: (indent: number) => string;
}

const flow: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    WORD,
    WORD.map(doubleQuoted),
    fc.array(tie('node'), { maxLength: 3 }).map((items) => `[${items.join(', ')}]`),
    fc.array(fc.tuple(KEY, tie('node')), { maxLength: 3 }).map((pairs) => `{${pairs.map(([k, v]) => `${k}: ${v}`).join(', ')}}`),
    fc.constantFrom('[a, b', '{a: 1', '[a: b]', '{a, b}', '[,]', '{? a}', '[a]]'),
  ),
})).node;

/** A block mapping or sequence at an indentation, with anchors, aliases and merge keys among its values. */
const block = (depth: number): fc.Arbitrary<Tree> => {
  const leaf: fc.Arbitrary<Tree> = fc.oneof(
    scalar(2).map((v): Tree => ({ text: () => v })),
    fc.constant<Tree>({ text: () => '' }),
    flow.map((f): Tree => ({ text: () => f })),
    blockScalar.map((render): Tree => ({ text: (i: number) => render(i) })),
  );
  if (depth <= 0) return leaf;
  const child = block(depth - 1);
  const mapping = fc.array(fc.tuple(KEY, fc.constantFrom('', '&a ', '&b ', '*a', '*b', '!!map '), child, fc.constantFrom(' ', '  ', '\t', '')), { minLength: 1, maxLength: 4 }).map(
    (pairs): Tree => ({
      text: (i: number) =>
        pairs
          .map(([k, prop, v, gap]) => {
            if (prop.startsWith('*')) return `${k}: ${prop}`;
            const body = v.text(i + 2);
            const isCollection = /^\s*([-?]|[^\s:]+:(\s|$))/.test(body) && body.includes('\n') || body.startsWith('- ') || /^[^\s'"{[]+: /.test(body);
            return isCollection ? `${k}:${prop ? ' ' + prop.trim() : ''}\n${pad(body, i + 2)}` : `${k}:${gap}${prop}${body}`;
          })
          .map((line, n) => (n === 0 ? line : ' '.repeat(i) + line))
          .join('\n'),
    }),
  );
  const sequence = fc.array(child, { minLength: 1, maxLength: 3 }).map(
    (items): Tree => ({ text: (i: number) => items.map((v, n) => `${n === 0 ? '' : ' '.repeat(i)}- ${v.text(i + 2)}`).join('\n') }),
  );
  const merge = fc.constantFrom(
    'base: &a {x: 1, y: 2}\nother: &b {x: 3, z: 4}\nm:\n  <<: *a\n  y: 5',
    'base: &a {x: 1}\nm:\n  y: 0\n  <<: [*a, {y: 9}]',
    'base: &a [1, 2]\nm:\n  <<: *a',
    'm:\n  <<: 1',
    'm:\n  <<: {a: 1}\n  "<<": 2',
    'a: &x\n  b: *x',
    'a: &x 1\nb: *x\nc: *y',
    '&a a: *a',
  ).map((t): Tree => ({ text: (i: number) => t.split('\n').map((l, n) => (n === 0 ? l : ' '.repeat(i) + l)).join('\n') }));
  return fc.oneof(mapping, sequence, merge, leaf);
};

function pad(body: string, indent: number): string {
  return ' '.repeat(indent) + body;
}

/** One file: documents between markers, with line endings, a BOM, directives and tabs varied. */
export const cornerCaseFile: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(fc.tuple(block(3), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 3 }),
    fc.array(fc.constantFrom('---', '--- # c', '---  ', '---foo', '...', '--- a: 1', '%YAML 1.1\n---', '%YAML 1.2\n---', '%TAG !e! tag:e.com,2000:\n---', '# only a comment', ''), { minLength: 3, maxLength: 3 }),
    fc.constantFrom('\n', '\r\n'),
    fc.boolean(),
    fc.boolean(),
    fc.nat(1000),
  )
  .map(([docs, markers, eol, bom, endsWithBreak, salt]) => {
    const body = docs
      .map(([tree, indentStyle], n) => {
        let text = tree.text(0);
        if (indentStyle === 3 && salt % 3 === 0) text = text.replace(/\n {2}/, '\n\t');
        return `${n === 0 ? '' : `${markers[n % markers.length]}\n`}${text}`;
      })
      .join('\n');
    const withBlocks = salt % 5 === 0 ? `${body}\nlast: ${blockSample(salt)}` : body;
    const text = (bom ? '\uFEFF' : '') + withBlocks.replace(/\n/g, eol) + (endsWithBreak ? eol : '');
    return text;
  });

function blockSample(salt: number): string {
  const samples = ['|\n  a\n   b\n\n  c\n', '>\n  folded\n  text\n\n  more\n', '|-\n\ttab\n', '|2\n    x\n', '>+\n  keep\n\n', '|\n  \tx\n', '|\nx\n'];
  return samples[salt % samples.length]!;
}

