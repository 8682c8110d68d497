import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeFailure, fuzz, loadCorpus } from '../fuzz/fuzzRun';

/** Enough to catch regressions in `npm test`; `npm run fuzz -- --cases 100000` for long runs. */
const CASES = 2000;
const SEED = 20261122;

describe('fuzzing every core feature with mutated manifests', () => {
  test('the shared corpus is there to mutate', () => {
    assert.ok(loadCorpus().length >= 20, 'expected the corpus of real manifests at <repo>/../shared/corpus');
  });

  test(`${CASES} seeded cases: no exception, no logged rule error, no call over a second, fixes keep the YAML valid`, () => {
    const failures = fuzz(CASES, SEED);
    // Distinct feature/detail pairs keep the report readable when one bug fails many cases.
    const distinct = new Map(failures.map((f) => [`${f.feature}: ${f.detail.split('\n')[0]}`, f]));
    assert.deepEqual([...distinct.values()].slice(0, 5).map(describeFailure), []);
  });
});
