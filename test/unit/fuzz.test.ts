import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeFailure, fuzz, repoSeeds } from '../fuzz/fuzzRun';

/**
 * Seeds from the repository only, so `npm test` needs nothing beside it; the conformance suite
 * fuzzes the real-world corpus (test/conformance/fuzz.test.ts), `npm run fuzz` runs long.
 */
const CASES = 1000;
const SEED = 20261203;

describe('fuzzing every core feature with mutated manifests from the repository', () => {
  test(`${CASES} seeded cases: no exception, no logged rule error, no call over a second, fixes keep the YAML valid`, () => {
    const failures = fuzz(CASES, SEED, undefined, repoSeeds());
    const distinct = new Map(failures.map((f) => [`${f.feature}: ${f.detail.split('\n')[0]}`, f]));
    assert.deepEqual([...distinct.values()].slice(0, 5).map(describeFailure), []);
  });
});
