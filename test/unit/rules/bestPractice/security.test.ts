/**
 * Best-practice rules: container security. Each rule has a firing case (annotated under the offending
 * span) and a clean case; only the rules named in a test are looked at.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAnnotated } from '../../../support/annotations';
import { lines } from '../../../support/text';

describe('best practices: container security', () => {
  test('privileged: privileged: true', () => {
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
      '        resources:',
      '          requests: {cpu: 100m, memory: 128Mi}',
      '          limits: {memory: 256Mi}',
      '        securityContext:',
      '          runAsNonRoot: true',
      '          allowPrivilegeEscalation: false',
      '          readOnlyRootFilesystem: true',
      '          capabilities: {drop: [ALL]}',
      '          privileged: true',
      '#         ^^^^^^^^^^^^^^^^ warning privileged: Container "web" runs privileged: remove "privileged: true" and add only the capabilities it needs.',
    );
    assert.equal(checkAnnotated(text, { rules: ['privileged'] }), text);
  });

  test('privileged: privileged: false is fine', () => {
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
      '        resources:',
      '          requests: {cpu: 100m, memory: 128Mi}',
      '          limits: {memory: 256Mi}',
      '        securityContext:',
      '          runAsNonRoot: true',
      '          allowPrivilegeEscalation: false',
      '          readOnlyRootFilesystem: true',
      '          capabilities: {drop: [ALL]}',
      '          privileged: false',
    );
    assert.equal(checkAnnotated(text, { rules: ['privileged'] }), text);
  });

  test('allow-privilege-escalation: absent (on the name) or true (on the field)', () => {
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
      '#             ^^^ warning allow-privilege-escalation: Container "web" allows privilege escalation: set securityContext.allowPrivilegeEscalation to false.',
      '        image: nginx:1.27.3',
      '      - name: b',
      '        image: app:1.0',
      '        securityContext:',
      '          allowPrivilegeEscalation: true',
      '#         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning allow-privilege-escalation: Container "b" allows privilege escalation: set securityContext.allowPrivilegeEscalation to false.',
    );
    assert.equal(checkAnnotated(text, { rules: ['allow-privilege-escalation'] }), text);
  });

  test('allow-privilege-escalation: false is fine; privileged containers are left to the privileged rule', () => {
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
      '        resources:',
      '          requests: {cpu: 100m, memory: 128Mi}',
      '          limits: {memory: 256Mi}',
      '        securityContext:',
      '          runAsNonRoot: true',
      '          allowPrivilegeEscalation: false',
      '          readOnlyRootFilesystem: true',
      '          capabilities: {drop: [ALL]}',
      '      - name: b',
      '        image: app:1.0',
      '        securityContext: {privileged: true}',
    );
    assert.equal(checkAnnotated(text, { rules: ['allow-privilege-escalation'] }), text);
  });

  test('run-as-non-root: runAsUser: 0 on the pod is underlined there; a container\'s own non-zero runAsUser overrides it', () => {
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
      '      securityContext: {runAsUser: 0}',
      '#                       ^^^^^^^^^^^^ warning run-as-non-root: Container "web" runs as root (runAsUser: 0): use a non-zero UID and set runAsNonRoot: true.',
      '      containers:',
      '      - name: web',
      '        image: nginx:1.27.3',
      '      - name: b',
      '        image: app:1.0',
      '        securityContext:',
      '          runAsUser: 1000',
    );
    assert.equal(checkAnnotated(text, { rules: ['run-as-non-root'] }), text);
  });

  test('run-as-non-root: no setting (on the name) and runAsNonRoot: false (on the field)', () => {
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
      '#             ^^^ warning run-as-non-root: Container "web" may run as root: set securityContext.runAsNonRoot to true (and a non-zero runAsUser if the image has no user).',
      '        image: nginx:1.27.3',
      '      - name: b',
      '        image: app:1.0',
      '        securityContext:',
      '          runAsNonRoot: false',
      '#         ^^^^^^^^^^^^^^^^^^^ warning run-as-non-root: Container "b" may run as root: set securityContext.runAsNonRoot to true (and a non-zero runAsUser if the image has no user).',
    );
    assert.equal(checkAnnotated(text, { rules: ['run-as-non-root'] }), text);
  });

  test('run-as-non-root: runAsNonRoot on the pod, or a non-zero runAsUser, is fine', () => {
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
      '      securityContext: {runAsNonRoot: true}',
      '      containers:',
      '      - name: web',
      '        image: nginx:1.27.3',
      '      - name: b',
      '        image: app:1.0',
      '        securityContext: {runAsUser: 1000, runAsNonRoot: null}',
    );
    assert.equal(checkAnnotated(text, { rules: ['run-as-non-root'] }), text);
  });

  test('read-only-root-filesystem: missing or false', () => {
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
      '#             ^^^ warning read-only-root-filesystem: Container "web" has a writable root filesystem: set securityContext.readOnlyRootFilesystem to true and mount an emptyDir where it writes.',
      '        image: nginx:1.27.3',
      '      - name: b',
      '        image: app:1.0',
      '        securityContext:',
      '          readOnlyRootFilesystem: false',
      '#         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning read-only-root-filesystem: Container "b" has a writable root filesystem: set securityContext.readOnlyRootFilesystem to true and mount an emptyDir where it writes.',
    );
    assert.equal(checkAnnotated(text, { rules: ['read-only-root-filesystem'] }), text);
  });

  test('read-only-root-filesystem: true is fine', () => {
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
      '        resources:',
      '          requests: {cpu: 100m, memory: 128Mi}',
      '          limits: {memory: 256Mi}',
      '        securityContext:',
      '          runAsNonRoot: true',
      '          allowPrivilegeEscalation: false',
      '          readOnlyRootFilesystem: true',
      '          capabilities: {drop: [ALL]}',
    );
    assert.equal(checkAnnotated(text, { rules: ['read-only-root-filesystem'] }), text);
  });

  test('dangerous-capabilities: SYS_ADMIN (with the CAP_ prefix) and ALL', () => {
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
      '        resources:',
      '          requests: {cpu: 100m, memory: 128Mi}',
      '          limits: {memory: 256Mi}',
      '        securityContext:',
      '          runAsNonRoot: true',
      '          allowPrivilegeEscalation: false',
      '          readOnlyRootFilesystem: true',
      '          capabilities: {drop: [ALL]}',
      '      - name: b',
      '        image: app:1.0',
      '        securityContext:',
      '          capabilities:',
      '            add: [NET_BIND_SERVICE, CAP_SYS_ADMIN, all]',
      '#                                   ^^^^^^^^^^^^^ warning dangerous-capabilities: Container "b" adds the dangerous capability SYS_ADMIN: remove it and add only narrower capabilities the process needs.',
      '#                                                  ^^^ warning dangerous-capabilities: Container "b" adds the dangerous capability ALL: remove it and add only narrower capabilities the process needs.',
    );
    assert.equal(checkAnnotated(text, { rules: ['dangerous-capabilities'] }), text);
  });

  test('dangerous-capabilities: NET_BIND_SERVICE, and dropping ALL, are fine', () => {
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
      '        resources:',
      '          requests: {cpu: 100m, memory: 128Mi}',
      '          limits: {memory: 256Mi}',
      '        securityContext:',
      '          runAsNonRoot: true',
      '          allowPrivilegeEscalation: false',
      '          readOnlyRootFilesystem: true',
      '          capabilities: {drop: [ALL]}',
      '      - name: b',
      '        image: app:1.0',
      '        securityContext: {capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}}',
    );
    assert.equal(checkAnnotated(text, { rules: ['dangerous-capabilities'] }), text);
  });

  test('drop-net-raw: nothing dropped, or a drop list without NET_RAW', () => {
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
      '#             ^^^ info drop-net-raw: Container "web" keeps the NET_RAW capability: add NET_RAW (or ALL) to securityContext.capabilities.drop.',
      '        image: nginx:1.27.3',
      '      - name: b',
      '#             ^ info drop-net-raw: Container "b" keeps the NET_RAW capability: add NET_RAW (or ALL) to securityContext.capabilities.drop.',
      '        image: app:1.0',
      '        securityContext: {capabilities: {drop: [CHOWN]}}',
    );
    assert.equal(checkAnnotated(text, { rules: ['drop-net-raw'] }), text);
  });

  test('drop-net-raw: dropping NET_RAW or ALL is fine', () => {
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
      '        resources:',
      '          requests: {cpu: 100m, memory: 128Mi}',
      '          limits: {memory: 256Mi}',
      '        securityContext:',
      '          runAsNonRoot: true',
      '          allowPrivilegeEscalation: false',
      '          readOnlyRootFilesystem: true',
      '          capabilities: {drop: [ALL]}',
      '      - name: b',
      '        image: app:1.0',
      '        securityContext: {capabilities: {drop: [NET_RAW]}}',
    );
    assert.equal(checkAnnotated(text, { rules: ['drop-net-raw'] }), text);
  });

  test('unsafe-proc-mount: procMount: Unmasked', () => {
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
      '        resources:',
      '          requests: {cpu: 100m, memory: 128Mi}',
      '          limits: {memory: 256Mi}',
      '        securityContext:',
      '          runAsNonRoot: true',
      '          allowPrivilegeEscalation: false',
      '          readOnlyRootFilesystem: true',
      '          capabilities: {drop: [ALL]}',
      '          procMount: Unmasked',
      '#         ^^^^^^^^^^^^^^^^^^^ warning unsafe-proc-mount: Container "web" unmasks /proc: remove procMount or set it to Default.',
    );
    assert.equal(checkAnnotated(text, { rules: ['unsafe-proc-mount'] }), text);
  });

  test('unsafe-proc-mount: Default is fine', () => {
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
      '        resources:',
      '          requests: {cpu: 100m, memory: 128Mi}',
      '          limits: {memory: 256Mi}',
      '        securityContext:',
      '          runAsNonRoot: true',
      '          allowPrivilegeEscalation: false',
      '          readOnlyRootFilesystem: true',
      '          capabilities: {drop: [ALL]}',
      '          procMount: Default',
    );
    assert.equal(checkAnnotated(text, { rules: ['unsafe-proc-mount'] }), text);
  });

});
