/**
 * Best-practice rules: ports, environment and identity. Each rule has a firing case (annotated under the offending
 * span) and a clean case; only the rules named in a test are looked at.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAnnotated } from '../../../support/annotations';
import { lines } from '../../../support/text';

describe('best practices: ports, environment and identity', () => {
  test('ssh-port: containerPort 22', () => {
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
      '        ports: [{containerPort: 22}]',
      '#                               ^^ warning ssh-port: Container "web" exposes the SSH port 22: remove the SSH daemon and use kubectl exec for access.',
    );
    assert.equal(checkAnnotated(text, { rules: ['ssh-port'] }), text);
  });

  test('ssh-port: other ports are fine', () => {
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
      '        ports: [{containerPort: 2222}]',
    );
    assert.equal(checkAnnotated(text, { rules: ['ssh-port'] }), text);
  });

  test('privileged-ports (off by default) reports ports below 1024 when turned on', () => {
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
      '        ports: [{containerPort: 80}, {containerPort: 8080}]',
      '#                               ^^ warning privileged-ports: Container "web" listens on privileged port 80: listen on a port above 1023 and map it in the Service.',
    );
    assert.equal(checkAnnotated(text, { rules: ['privileged-ports'], settings: {'rules':{'privileged-ports':'warning'}} }), text);
  });

  test('privileged-ports is off by default', () => {
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
      '        ports: [{containerPort: 80}]',
    );
    assert.equal(checkAnnotated(text, { rules: ['privileged-ports'] }), text);
  });

  test('duplicate-env: the second definition is reported', () => {
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
      '        env:',
      '        - name: LOG_LEVEL',
      '          value: info',
      '        - name: LOG_LEVEL',
      '#               ^^^^^^^^^ warning duplicate-env: Container "web" sets LOG_LEVEL twice; the last value wins: remove one of them.',
      '          value: debug',
    );
    assert.equal(checkAnnotated(text, { rules: ['duplicate-env'] }), text);
  });

  test('duplicate-env: the same name in two containers is fine', () => {
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
      '        env: [{name: LOG_LEVEL, value: info}]',
      '      - name: b',
      '        image: app:1.0',
      '        env: [{name: LOG_LEVEL, value: info}]',
    );
    assert.equal(checkAnnotated(text, { rules: ['duplicate-env'] }), text);
  });

  test('env-secret-literal: a password and a token written into the manifest', () => {
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
      '        env:',
      '        - name: DB_PASSWORD',
      '          value: hunter2',
      '#                ^^^^^^^ warning env-secret-literal: Container "web": DB_PASSWORD holds a literal value that looks secret: move it into a Secret and use valueFrom.secretKeyRef.',
      '        - {name: GITHUB_TOKEN, value: "ghp_123"}',
      '#                                     ^^^^^^^^^ warning env-secret-literal: Container "web": GITHUB_TOKEN holds a literal value that looks secret: move it into a Secret and use valueFrom.secretKeyRef.',
    );
    assert.equal(checkAnnotated(text, { rules: ['env-secret-literal'] }), text);
  });

  test('env-secret-literal: secretKeyRef, file paths, key ids, empty values and $(VAR) are fine', () => {
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
      '        env:',
      '        - name: DB_PASSWORD',
      '          valueFrom: {secretKeyRef: {name: db, key: password}}',
      '        - {name: TOKEN_FILE, value: /run/secrets/token}',
      '        - {name: AWS_ACCESS_KEY_ID, value: AKIAEXAMPLE}',
      '        - {name: API_KEY, value: ""}',
      '        - {name: SECRET, value: $(OTHER_SECRET)}',
      '        - {name: LOG_LEVEL, value: debug}',
    );
    assert.equal(checkAnnotated(text, { rules: ['env-secret-literal'] }), text);
  });

  test('deprecated-service-account-field: serviceAccount', () => {
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
      '      serviceAccount: builder',
      '#     ^^^^^^^^^^^^^^^^^^^^^^^ warning deprecated-service-account-field: serviceAccount is deprecated: rename it to serviceAccountName.',
      '      containers:',
      '      - name: web',
      '        image: nginx:1.27.3',
    );
    assert.equal(checkAnnotated(text, { rules: ['deprecated-service-account-field'] }), text);
  });

  test('deprecated-service-account-field: serviceAccountName is fine', () => {
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
      '      serviceAccountName: builder',
      '      containers:',
      '      - name: web',
      '        image: nginx:1.27.3',
    );
    assert.equal(checkAnnotated(text, { rules: ['deprecated-service-account-field'] }), text);
  });

  test('automount-service-account-token (off by default) reports a pod that mounts the token', () => {
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
      '      automountServiceAccountToken: true',
      '#     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning automount-service-account-token: The pod mounts a service account token: set automountServiceAccountToken: false unless it calls the Kubernetes API.',
      '      containers:',
      '      - name: web',
      '        image: nginx:1.27.3',
    );
    assert.equal(checkAnnotated(text, { rules: ['automount-service-account-token'], settings: {'rules':{'automount-service-account-token':'warning'}} }), text);
  });

  test('automount-service-account-token: false is fine', () => {
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
      '      automountServiceAccountToken: false',
      '      containers:',
      '      - name: web',
      '        image: nginx:1.27.3',
    );
    assert.equal(checkAnnotated(text, { rules: ['automount-service-account-token'], settings: {'rules':{'automount-service-account-token':'warning'}} }), text);
  });

  test('automount-service-account-token is off by default', () => {
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
    );
    assert.equal(checkAnnotated(text, { rules: ['automount-service-account-token'] }), text);
  });

  test('default-namespace (off by default) reports namespace: default when turned on', () => {
    const text = lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      '  namespace: default',
      '# ^^^^^^^^^^^^^^^^^^ warning default-namespace: The workload is placed in the default namespace: use a namespace of its own.',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '      - name: web',
      '        image: nginx:1.27.3',
    );
    assert.equal(checkAnnotated(text, { rules: ['default-namespace'], settings: {'rules':{'default-namespace':'warning'}} }), text);
  });

  test('default-namespace: another namespace, or none, is fine', () => {
    const text = lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      '  namespace: shop',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '      - name: web',
      '        image: nginx:1.27.3',
    );
    assert.equal(checkAnnotated(text, { rules: ['default-namespace'], settings: {'rules':{'default-namespace':'warning'}} }), text);
  });

});
