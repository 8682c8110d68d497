// Bundles test/bench/largeDocument.ts with esbuild into out/bench/ and runs it against the built
// server (dist/server.js): one huge document, and other files' hovers during its analysis.
import { join } from 'node:path';
import { ROOT, bundleAndRun } from '../../scripts/nodeBundle.mjs';

const outfile = join(ROOT, 'out', 'bench', 'largeDocument.cjs');
process.exit(await bundleAndRun('test/bench/largeDocument.ts', outfile, process.argv.slice(2)));
