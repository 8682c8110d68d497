/**
 * Best-practice rules: images. Each rule has a firing case (annotated under the offending
 * span) and a clean case; only the rules named in a test are looked at.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAnnotated } from '../../../support/annotations';
import { lines } from '../../../support/text';

describe('best practices: images', () => {
  test('latest-tag: latest and untagged images (a registry port is not a tag)', () => {
    const text = lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      'spec:',
      '  selector:',
      '    matchLabels: {app: web}',
      '  template:',
      '    metadata:',
      '      labels: {app: web}',
      '    spec:',
      '      containers:',
      '      - name: web',
      '        image: nginx:latest',
      '#              ^^^^^^^^^^^^ warning latest-tag: Image "nginx:latest" (container "web") uses the latest tag: pin a version tag or a digest so every node runs the same image.',
      '      - name: side',
      '        image: registry.local:5000/team/app',
      '#              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning latest-tag: Image "registry.local:5000/team/app" (container "side") has no tag: pin a version tag or a digest so every node runs the same image.',
    );
    assert.equal(checkAnnotated(text, { rules: ['latest-tag'] }), text);
  });

  test('latest-tag: version tags and digests are fine, also in init containers', () => {
    const text = lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      'spec:',
      '  selector:',
      '    matchLabels: {app: web}',
      '  template:',
      '    metadata:',
      '      labels: {app: web}',
      '    spec:',
      '      initContainers:',
      '      - name: init',
      '        image: registry.local:5000/team/app:2.1',
      '      containers:',
      '      - name: pinned',
      '        image: nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31',
      '      - name: web',
      '        image: nginx:1.27.3',
    );
    assert.equal(checkAnnotated(text, { rules: ['latest-tag'] }), text);
  });

  test('pull-policy-always (off by default) reports IfNotPresent when turned on', () => {
    const text = lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      'spec:',
      '  selector:',
      '    matchLabels: {app: web}',
      '  template:',
      '    metadata:',
      '      labels: {app: web}',
      '    spec:',
      '      containers:',
      '      - name: web',
      '        image: nginx:1.27.3',
      '        imagePullPolicy: IfNotPresent',
      '#       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning pull-policy-always: Container "web" may run a stale cached image: set imagePullPolicy to Always.',
    );
    assert.equal(checkAnnotated(text, { rules: ['pull-policy-always'], settings: {'rules':{'pull-policy-always':'warning'}} }), text);
  });

  test('pull-policy-always: Always, or latest without a policy (defaults to Always), is fine', () => {
    const text = lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      'spec:',
      '  selector:',
      '    matchLabels: {app: web}',
      '  template:',
      '    metadata:',
      '      labels: {app: web}',
      '    spec:',
      '      containers:',
      '      - name: web',
      '        image: nginx:1.27.3',
      '        imagePullPolicy: Always',
      '      - name: b',
      '        image: nginx:latest',
    );
    assert.equal(checkAnnotated(text, { rules: ['pull-policy-always'], settings: {'rules':{'pull-policy-always':'warning'}} }), text);
  });

});
