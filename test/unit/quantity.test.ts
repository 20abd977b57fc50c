/** resource.Quantity: parsing, exact arithmetic and canonical form, from apimachinery's quantity rules. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { add, compare, formatQuantity, isInteger, multiply, parseQuantity, QUANTITY_FORMAT_ERROR, type Quantity } from '../../server/src/analysis/k8s/quantity';

function q(s: string | number): Quantity {
  const r = parseQuantity(s);
  assert.ok(!('error' in r), `${s}: ${'error' in r ? r.error : ''}`);
  return r;
}

// [input, canonical] — canonical per quantity.go: no precision lost, no fractional digits, largest suffix.
const CANONICAL: Array<[string | number, string]> = [
  ['0', '0'], ['0m', '0'], ['0Mi', '0'], ['1', '1'], ['1.5', '1500m'], ['0.5', '500m'], ['.5', '500m'], ['100m', '100m'],
  ['1000m', '1'], ['1500m', '1500m'], ['0.1', '100m'], ['250m', '250m'], ['2000', '2k'], ['1000000', '1M'], ['1e3', '1e3'],
  ['1E3', '1e3'], ['12E-3', '12e-3'], ['1e-3', '1e-3'], ['1.5Gi', '1536Mi'], ['1Gi', '1Gi'], ['1024Mi', '1Gi'], ['1536Mi', '1536Mi'],
  ['512Ki', '512Ki'], ['1Ki', '1Ki'], ['1023', '1023'], ['100Mi', '100Mi'], ['0.5Gi', '512Mi'], ['1.5Ki', '1536'], ['1.1Ki', '1126400m'],
  ['64Mi', '64Mi'], ['128M', '128M'], ['1k', '1k'], ['1.5k', '1500'], ['5n', '5n'], ['5u', '5u'], ['1500u', '1500u'], ['1.0000000001', '1000000001n'],
  ['0.0000000001', '1n'], ['-1', '-1'], ['-1.5', '-1500m'], ['+1', '1'], ['1P', '1P'], ['1E', '1E'], ['1000P', '1E'], ['1Ei', '1Ei'],
  ['2Ti', '2Ti'], ['3Pi', '3Pi'], [1, '1'], [0.25, '250m'], [1000, '1k'], ['10G', '10G'], ['4m', '4m'], ['100', '100'], ['1.234', '1234m'],
];

for (const [input, want] of CANONICAL) {
  test(`canonical ${JSON.stringify(input)} → ${want}`, () => assert.equal(formatQuantity(q(input)), want));
}

const INVALID = ['', 'abc', '1.2.3', '1Kb', '1kk', '5mi', 'Mi', '1 Gi', '1e', '--1', '1.', 'x1', '1ee3', '1Gi5'];
for (const input of INVALID) {
  test(`invalid ${JSON.stringify(input)}`, () => {
    const r = parseQuantity(input);
    // "1." is accepted by quantity.go (digits then an empty fraction); everything else here is rejected.
    if (input === '1.') return assert.ok(!('error' in r));
    assert.ok('error' in r, `${input} parsed`);
    assert.ok(r.error === QUANTITY_FORMAT_ERROR || r.error === "unable to parse quantity's suffix");
  });
}

test('exact arithmetic: no floating point drift', () => {
  let sum = q('0');
  for (let i = 0; i < 10; i++) sum = add(sum, q('0.1'));
  assert.equal(formatQuantity(sum), '1');
  assert.equal(compare(q('1'), q('1000m')), 0);
  assert.equal(compare(q('1Gi'), q('1G')), 1);
  assert.equal(compare(q('1e3'), q('1k')), 0);
  assert.equal(formatQuantity(multiply(q('250m'), 3)), '750m');
  assert.equal(formatQuantity(multiply(q('256Mi'), 4)), '1Gi');
  assert.ok(isInteger(q('1Ki')));
  assert.ok(!isInteger(q('4m')));
});

test('the left operand keeps its format when adding, as Quantity.Add does', () => {
  assert.equal(formatQuantity(add(q('1Gi'), q('512Mi'))), '1536Mi');
  assert.equal(formatQuantity(add(q('1G'), q('1Gi'))), '2073741824');
});
