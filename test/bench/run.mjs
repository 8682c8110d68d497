// Bundles test/bench/bench.ts with esbuild into out/bench/ and runs it against the built server.
// `npm run bench` builds dist/ first; arguments after `--` are passed on (--sizes, --runs).
import { join } from 'node:path';
import { ROOT, bundleAndRun } from '../../scripts/nodeBundle.mjs';

const outfile = join(ROOT, 'out', 'bench', 'bench.cjs');
process.exit(await bundleAndRun('test/bench/bench.ts', outfile, process.argv.slice(2)));
