/**
 * Best-practice rules: resources, probes and replicas. Each rule has a firing case (annotated under the offending
 * span) and a clean case; only the rules named in a test are looked at.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAnnotated } from '../../../support/annotations';
import { lines } from '../../../support/text';

describe('best practices: resources, probes and replicas', () => {
  test('cpu-requests, memory-requests and memory-limits: a container without resources', () => {
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
      '#             ^^^ warning cpu-requests: Container "web" has no CPU request: set resources.requests.cpu so the scheduler reserves CPU for it.',
      '#             ^^^ warning memory-limits: Container "web" has no memory limit: set resources.limits.memory so a leak cannot exhaust the node.',
      '#             ^^^ warning memory-requests: Container "web" has no memory request: set resources.requests.memory so the scheduler reserves memory for it.',
      '        image: nginx:1.27.3',
    );
    assert.equal(checkAnnotated(text, { rules: ['cpu-requests','memory-requests','memory-limits'] }), text);
  });

  test('cpu-requests and memory-requests: limits alone count as requests (the API server copies them)', () => {
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
      '          limits: {cpu: 500m, memory: 256Mi}',
    );
    assert.equal(checkAnnotated(text, { rules: ['cpu-requests','memory-requests','memory-limits'] }), text);
  });

  test('resources apply to init containers too', () => {
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
      '      - name: migrate',
      '#             ^^^^^^^ warning memory-limits: Init container "migrate" has no memory limit: set resources.limits.memory so a leak cannot exhaust the node.',
      '        image: app:1.0',
      '        resources: {requests: {memory: 64Mi}}',
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
    assert.equal(checkAnnotated(text, { rules: ['memory-limits'] }), text);
  });

  test('cpu-limits is off by default', () => {
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
    assert.equal(checkAnnotated(text, { rules: ['cpu-limits'] }), text);
  });

  test('cpu-limits fires when turned on', () => {
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
      '#             ^^^ warning cpu-limits: Container "web" has no CPU limit: set resources.limits.cpu if your policy caps CPU per container.',
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
    assert.equal(checkAnnotated(text, { rules: ['cpu-limits'], settings: {'rules':{'cpu-limits':'warning'}} }), text);
  });

  test('cpu-limits is quiet when the limit is set', () => {
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
      '        resources: {limits: {cpu: "1"}}',
    );
    assert.equal(checkAnnotated(text, { rules: ['cpu-limits'], settings: {'rules':{'cpu-limits':'warning'}} }), text);
  });

  test('liveness-probe and readiness-probe: a container serving on a port without probes', () => {
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
      '#             ^^^ info liveness-probe: Container "web" has no livenessProbe: add one so the kubelet restarts the container when it hangs.',
      '#             ^^^ info readiness-probe: Container "web" has no readinessProbe: add one so traffic reaches the pod only when it can answer.',
      '        image: nginx:1.27.3',
      '        resources:',
      '          requests: {cpu: 100m, memory: 128Mi}',
      '          limits: {memory: 256Mi}',
      '        securityContext:',
      '          runAsNonRoot: true',
      '          allowPrivilegeEscalation: false',
      '          readOnlyRootFilesystem: true',
      '          capabilities: {drop: [ALL]}',
      '        ports: [{name: http, containerPort: 8080}]',
    );
    assert.equal(checkAnnotated(text, { rules: ['liveness-probe','readiness-probe'] }), text);
  });

  test('liveness-probe and readiness-probe: a container with probes, or without ports, is fine', () => {
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
      '        image: busybox:1.37',
      '        ports: [{containerPort: 80}]',
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
      '        ports: [{name: http, containerPort: 8080}]',
      '        livenessProbe: {tcpSocket: {port: http}}',
      '        readinessProbe: {httpGet: {path: /, port: 8080}}',
      '      - name: worker',
      '        image: busybox:1.37',
    );
    assert.equal(checkAnnotated(text, { rules: ['liveness-probe','readiness-probe'] }), text);
  });

  test('probe-port-not-exposed: a named port that does not exist and a number missing from the list', () => {
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
      '        ports:',
      '        - {name: http, containerPort: 8080}',
      '        readinessProbe:',
      '          httpGet: {path: /, port: htp}',
      '#                                  ^^^ warning probe-port-not-exposed: The readinessProbe of container "web" targets port "htp", which the container does not declare: use a port name from the container\'s ports list.',
      '        livenessProbe:',
      '          tcpSocket: {port: 9090}',
      '#                           ^^^^ warning probe-port-not-exposed: The livenessProbe of container "web" targets port 9090, which the container does not declare: add it to the container\'s ports or probe a declared port.',
    );
    assert.equal(checkAnnotated(text, { rules: ['probe-port-not-exposed'] }), text);
  });

  test('probe-port-not-exposed: declared names and numbers, and numbers when no ports are declared, are fine', () => {
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
      '        ports:',
      '        - {name: http, containerPort: 8080}',
      '        readinessProbe: {httpGet: {path: /, port: http}}',
      '        startupProbe: {grpc: {port: 8080}}',
      '      - name: other',
      '        image: app:1.0',
      '        livenessProbe: {tcpSocket: {port: 9090}}',
    );
    assert.equal(checkAnnotated(text, { rules: ['probe-port-not-exposed'] }), text);
  });

  test('no-anti-affinity: three StatefulSet replicas with nothing spreading them', () => {
    const text = lines(
      'apiVersion: apps/v1',
      'kind: StatefulSet',
      'metadata:',
      '  name: db',
      'spec:',
      '  replicas: 3',
      '# ^^^^^^^^^^^ info no-anti-affinity: Nothing spreads the 3 replicas across nodes: add topologySpreadConstraints or a podAntiAffinity to the pod template.',
      '  template:',
      '    spec:',
      '      containers:',
      '      - name: web',
      '        image: nginx:1.27.3',
    );
    assert.equal(checkAnnotated(text, { rules: ['no-anti-affinity'] }), text);
  });

  test('no-anti-affinity: topologySpreadConstraints, podAntiAffinity, one replica or a DaemonSet are fine', () => {
    const text = lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: a}',
      'spec:',
      '  replicas: 3',
      '  template:',
      '    spec:',
      '      topologySpreadConstraints: [{maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: ScheduleAnyway}]',
      '      containers:',
      '      - name: web',
      '        image: nginx:1.27.3',
      '---',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: b}',
      'spec:',
      '  replicas: 2',
      '  template:',
      '    spec:',
      '      affinity: {podAntiAffinity: {preferredDuringSchedulingIgnoredDuringExecution: []}}',
      '      containers:',
      '      - name: web',
      '        image: nginx:1.27.3',
      '---',
      'apiVersion: apps/v1',
      'kind: ReplicaSet',
      'metadata: {name: c}',
      'spec:',
      '  replicas: 1',
      '  template:',
      '    spec:',
      '      containers:',
      '      - name: web',
      '        image: nginx:1.27.3',
    );
    assert.equal(checkAnnotated(text, { rules: ['no-anti-affinity'] }), text);
  });

  test('single-replica (off by default) reports replicas: 1 when turned on', () => {
    const text = lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: a}',
      'spec:',
      '  replicas: 1',
      '# ^^^^^^^^^^^ warning single-replica: The Deployment runs a single replica: set replicas to 2 or more so it survives a node drain.',
      '  template:',
      '    spec:',
      '      containers:',
      '      - name: web',
      '        image: nginx:1.27.3',
    );
    assert.equal(checkAnnotated(text, { rules: ['single-replica'], settings: {'rules':{'single-replica':'warning'}} }), text);
  });

  test('single-replica reports a missing replicas field (it defaults to 1) on the spec key', () => {
    const text = lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      'spec:',
      '^^^^ warning single-replica: The Deployment runs a single replica (replicas defaults to 1): set replicas to 2 or more so it survives a node drain.',
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
    assert.equal(checkAnnotated(text, { rules: ['single-replica'], settings: {'rules':{'single-replica':'warning'}} }), text);
  });

  test('single-replica is off by default and quiet for two replicas or a StatefulSet', () => {
    const text = lines(
      'apiVersion: apps/v1',
      'kind: StatefulSet',
      'metadata: {name: a}',
      'spec:',
      '  replicas: 1',
      '  template:',
      '    spec:',
      '      containers:',
      '      - name: web',
      '        image: nginx:1.27.3',
    );
    assert.equal(checkAnnotated(text, { rules: ['single-replica'] }), text);
  });

});
