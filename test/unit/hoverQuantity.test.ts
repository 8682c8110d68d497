import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeQuantity, formatNumber, parseQuantity } from '../../server/src/core/features/quantity';

describe('parseQuantity', () => {
  const cases: [string | number, number | undefined][] = [
    ['500m', 0.5], ['1', 1], [2, 2], ['1Gi', 1073741824], ['128Mi', 134217728], ['1k', 1000], ['1e3', 1000],
    ['1.5', 1.5], ['.5', 0.5], ['100n', 1e-7], ['2Ki', 2048], ['+1M', 1e6], ['1E-3', 0.001],
    ['1GB', undefined], ['abc', undefined], ['', undefined], ['1 Gi', undefined], ['Gi', undefined], ['1KI', undefined],
  ];
  for (const [input, expected] of cases) {
    test(`${JSON.stringify(input)} → ${expected}`, () => {
      const actual = parseQuantity(input);
      if (expected === undefined) assert.equal(actual, undefined);
      else assert.ok(actual !== undefined && Math.abs(actual - expected) < 1e-12, `got ${actual}`);
    });
  }

  test('descriptions', () => {
    assert.equal(describeQuantity('cpu', '250m'), '0.25 CPU (250 millicores)');
    assert.equal(describeQuantity('memory', '512Mi'), '536,870,912 bytes (512 MiB)');
    assert.equal(describeQuantity('nvidia.com/gpu', 1), '1 nvidia.com/gpu');
    assert.equal(formatNumber(1234567.5), '1,234,567.5');
  });
});
