// The API-server conformance figures and the details of chosen cases (see
// test/conformance/apiServerReport.ts for the options): bundles the report and runs it.
import { join } from 'node:path';
import { bundleAndRun, ROOT } from './nodeBundle.mjs';

process.exitCode = await bundleAndRun('test/conformance/apiServerReport.ts', join(ROOT, 'out', 'conformanceReport.cjs'), process.argv.slice(2));
