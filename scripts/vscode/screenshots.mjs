#!/usr/bin/env node
// `npm run screenshots`: after `npm run test:ui` has written artifacts/ui-<check>-<theme>.png,
// copies them to docs/images/, where the README shows them.
import { copyFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { artifactsDir, root } from './paths.mjs';

const target = join(root, 'docs', 'images');
mkdirSync(target, { recursive: true });
const shots = readdirSync(artifactsDir).filter((name) => /^ui-(?!failure-).*-(light|dark)\.png$/.test(name));
if (shots.length === 0) {
  console.error(`no UI screenshots in ${artifactsDir}: run \`npm run test:ui\` first`);
  process.exit(1);
}
for (const name of shots.sort()) {
  const to = join(target, name.replace(/^ui-/, ''));
  copyFileSync(join(artifactsDir, name), to);
  console.log(`${to} (${Math.round(statSync(to).size / 1024)} KB)`);
}
