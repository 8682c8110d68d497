/**
 * API-server rules on the pod template: for every rule a firing case and a clean case, as annotations.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAnnotated } from '../../../support/annotations';
import { lines } from '../../../support/text';

function check(text: string, rule: string, settings?: Record<string, unknown>): void {
  assert.equal(checkAnnotated(text, { rules: [rule], ...(settings ? { settings } : {}) }), text);
}

describe('API-server rules on the pod template', () => {
  test('template-restart-policy fires', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  selector:",
      "    matchLabels:",
      "      app: web",
      "  template:",
      "    metadata:",
      "      labels:",
      "        app: web",
      "    spec:",
      "      containers:",
      "        - name: app",
      "          image: nginx:1.27",
      "      restartPolicy: OnFailure",
      "#                    ^^^^^^^^^ error template-restart-policy: Unsupported value \"OnFailure\": a Deployment's pod template must use restartPolicy \"Always\" (use a Job for pods that should finish).",
    ),
      'template-restart-policy',
    );
  });

  test('template-restart-policy stays quiet on a valid manifest', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  selector:",
      "    matchLabels:",
      "      app: web",
      "  template:",
      "    metadata:",
      "      labels:",
      "        app: web",
      "    spec:",
      "      containers:",
      "        - name: app",
      "          image: nginx:1.27",
      "      restartPolicy: Always",
    ),
      'template-restart-policy',
    );
  });

  test('active-deadline-forbidden fires', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: DaemonSet",
      "metadata:",
      "  name: web",
      "spec:",
      "  selector:",
      "    matchLabels:",
      "      app: web",
      "  template:",
      "    metadata:",
      "      labels:",
      "        app: web",
      "    spec:",
      "      containers:",
      "        - name: app",
      "          image: nginx:1.27",
      "      activeDeadlineSeconds: 600",
      "#     ^^^^^^^^^^^^^^^^^^^^^ error active-deadline-forbidden: activeDeadlineSeconds is not supported in a DaemonSet's pod template (the API server: \"activeDeadlineSeconds in DaemonSet is not Supported\"). Remove it; use a Job for pods with a deadline.",
    ),
      'active-deadline-forbidden',
    );
  });

  test('active-deadline-forbidden stays quiet on a valid manifest', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: DaemonSet",
      "metadata:",
      "  name: web",
      "spec:",
      "  selector:",
      "    matchLabels:",
      "      app: web",
      "  template:",
      "    metadata:",
      "      labels:",
      "        app: web",
      "    spec:",
      "      containers:",
      "        - name: app",
      "          image: nginx:1.27",
    ),
      'active-deadline-forbidden',
    );
  });

  test('container-name fires', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  selector:",
      "    matchLabels:",
      "      app: web",
      "  template:",
      "    metadata:",
      "      labels:",
      "        app: web",
      "    spec:",
      "      initContainers:",
      "        - name: app",
      "#               ^^^ error container-name: Duplicate container name \"app\": names must be unique across containers and init containers.",
      "          image: busybox",
      "      containers:",
      "        - name: app",
      "          image: nginx",
      "        - name: Sidecar",
      "#               ^^^^^^^ error container-name: Invalid container name \"Sidecar\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name' or '123-abc').",
      "          image: envoy",
    ),
      'container-name',
    );
  });

  test('container-name stays quiet on a valid manifest', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  selector:",
      "    matchLabels:",
      "      app: web",
      "  template:",
      "    metadata:",
      "      labels:",
      "        app: web",
      "    spec:",
      "      initContainers:",
      "        - name: init",
      "          image: busybox",
      "      containers:",
      "        - name: app",
      "          image: nginx:1.27",
    ),
      'container-name',
    );
  });

  test('container-image-required fires', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  selector:",
      "    matchLabels:",
      "      app: web",
      "  template:",
      "    metadata:",
      "      labels:",
      "        app: web",
      "    spec:",
      "      containers:",
      "        - name: app",
      "          image: \"\"",
      "#                ^^ error container-image-required: A container image is required: set image to a reference such as \"nginx:1.27\".",
    ),
      'container-image-required',
    );
  });

  test('container-image-required stays quiet on a valid manifest', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  selector:",
      "    matchLabels:",
      "      app: web",
      "  template:",
      "    metadata:",
      "      labels:",
      "        app: web",
      "    spec:",
      "      containers:",
      "        - name: app",
      "          image: nginx:1.27",
    ),
      'container-image-required',
    );
  });

  test('port-range fires', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  selector:",
      "    matchLabels:",
      "      app: web",
      "  template:",
      "    metadata:",
      "      labels:",
      "        app: web",
      "    spec:",
      "      containers:",
      "        - name: app",
      "          image: nginx",
      "          ports:",
      "            - containerPort: 70000",
      "#                            ^^^^^ error port-range: containerPort must be between 1 and 65535, inclusive, got 70000.",
      "              hostPort: 0",
    ),
      'port-range',
    );
  });

  test('port-range stays quiet on a valid manifest', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  selector:",
      "    matchLabels:",
      "      app: web",
      "  template:",
      "    metadata:",
      "      labels:",
      "        app: web",
      "    spec:",
      "      containers:",
      "        - name: app",
      "          image: nginx",
      "          ports:",
      "            - containerPort: 8080",
      "              hostPort: 0",
    ),
      'port-range',
    );
  });

  test('port-name fires', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  selector:",
      "    matchLabels:",
      "      app: web",
      "  template:",
      "    metadata:",
      "      labels:",
      "        app: web",
      "    spec:",
      "      containers:",
      "        - name: app",
      "          image: nginx",
      "          ports:",
      "            - { name: http-metrics-port, containerPort: 9090 }",
      "#                     ^^^^^^^^^^^^^^^^^ error port-name: Invalid port name \"http-metrics-port\": must be no more than 15 characters.",
      "            - { name: web, containerPort: 80 }",
      "            - { name: web, containerPort: 81 }",
      "#                     ^^^ error port-name: Duplicate port name \"web\" in this container.",
      "          livenessProbe:",
      "            httpGet: { path: /, port: \"8080\" }",
      "#                                     ^^^^^^ error port-name: Invalid port name \"8080\": must contain at least one letter (a-z). A quoted number is read as a port name: remove the quotes.",
    ),
      'port-name',
    );
  });

  test('port-name stays quiet on a valid manifest', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  selector:",
      "    matchLabels:",
      "      app: web",
      "  template:",
      "    metadata:",
      "      labels:",
      "        app: web",
      "    spec:",
      "      containers:",
      "        - name: app",
      "          image: nginx",
      "          ports:",
      "            - { name: metrics, containerPort: 9090 }",
      "          livenessProbe:",
      "            httpGet: { path: /, port: metrics }",
    ),
      'port-name',
    );
  });

  test('host-port-conflict fires', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  selector:",
      "    matchLabels:",
      "      app: web",
      "  template:",
      "    metadata:",
      "      labels:",
      "        app: web",
      "    spec:",
      "      containers:",
      "        - name: a",
      "          image: nginx",
      "          ports: [{ containerPort: 80, hostPort: 8080 }]",
      "        - name: b",
      "          image: nginx",
      "          ports: [{ containerPort: 81, hostPort: 8080 }]",
      "#                                                ^^^^ error host-port-conflict: Duplicate host port 8080/TCP: another port of this pod already binds it on the node.",
    ),
      'host-port-conflict',
    );
  });

  test('host-port-conflict stays quiet on a valid manifest', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  selector:",
      "    matchLabels:",
      "      app: web",
      "  template:",
      "    metadata:",
      "      labels:",
      "        app: web",
      "    spec:",
      "      containers:",
      "        - name: a",
      "          image: nginx",
      "          ports: [{ containerPort: 80, hostPort: 8080 }]",
      "        - name: b",
      "          image: nginx",
      "          ports: [{ containerPort: 81, hostPort: 8080, protocol: UDP }]",
    ),
      'host-port-conflict',
    );
  });

  test('probe-handler fires', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  selector:",
      "    matchLabels:",
      "      app: web",
      "  template:",
      "    metadata:",
      "      labels:",
      "        app: web",
      "    spec:",
      "      containers:",
      "        - name: app",
      "          image: nginx",
      "          livenessProbe:",
      "            httpGet: { path: /, port: 80 }",
      "            tcpSocket: { port: 80 }",
      "#           ^^^^^^^^^ error probe-handler: livenessProbe may not specify more than 1 handler type (it has httpGet and tcpSocket).",
      "          readinessProbe:",
      "#         ^^^^^^^^^^^^^^ error probe-handler: readinessProbe must specify a handler type: one of exec, httpGet, tcpSocket, grpc.",
      "            periodSeconds: 5",
    ),
      'probe-handler',
    );
  });

  test('probe-handler stays quiet on a valid manifest', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  selector:",
      "    matchLabels:",
      "      app: web",
      "  template:",
      "    metadata:",
      "      labels:",
      "        app: web",
      "    spec:",
      "      containers:",
      "        - name: app",
      "          image: nginx",
      "          livenessProbe:",
      "            httpGet: { path: /, port: 80 }",
    ),
      'probe-handler',
    );
  });

  test('probe-success-threshold fires', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  selector:",
      "    matchLabels:",
      "      app: web",
      "  template:",
      "    metadata:",
      "      labels:",
      "        app: web",
      "    spec:",
      "      containers:",
      "        - name: app",
      "          image: nginx",
      "          livenessProbe:",
      "            tcpSocket: { port: 80 }",
      "            successThreshold: 3",
      "#                             ^ error probe-success-threshold: successThreshold must be 1 for a livenessProbe, got 3.",
    ),
      'probe-success-threshold',
    );
  });

  test('probe-success-threshold stays quiet on a valid manifest', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  selector:",
      "    matchLabels:",
      "      app: web",
      "  template:",
      "    metadata:",
      "      labels:",
      "        app: web",
      "    spec:",
      "      containers:",
      "        - name: app",
      "          image: nginx",
      "          readinessProbe:",
      "            tcpSocket: { port: 80 }",
      "            successThreshold: 3",
    ),
      'probe-success-threshold',
    );
  });

  test('volume-name fires', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  selector:",
      "    matchLabels:",
      "      app: web",
      "  template:",
      "    metadata:",
      "      labels:",
      "        app: web",
      "    spec:",
      "      containers:",
      "        - name: app",
      "          image: nginx:1.27",
      "      volumes:",
      "        - { name: data, emptyDir: {} }",
      "        - { name: data, emptyDir: {} }",
      "#                 ^^^^ error volume-name: Duplicate volume name \"data\".",
      "        - { name: Cache, emptyDir: {} }",
      "#                 ^^^^^ error volume-name: Invalid volume name \"Cache\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name' or '123-abc').",
    ),
      'volume-name',
    );
  });

  test('volume-name stays quiet on a valid manifest', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  selector:",
      "    matchLabels:",
      "      app: web",
      "  template:",
      "    metadata:",
      "      labels:",
      "        app: web",
      "    spec:",
      "      containers:",
      "        - name: app",
      "          image: nginx:1.27",
      "      volumes:",
      "        - { name: data, emptyDir: {} }",
    ),
      'volume-name',
    );
  });

  test('volume-source fires', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  selector:",
      "    matchLabels:",
      "      app: web",
      "  template:",
      "    metadata:",
      "      labels:",
      "        app: web",
      "    spec:",
      "      containers:",
      "        - name: app",
      "          image: nginx:1.27",
      "      volumes:",
      "        - name: data",
      "          emptyDir: {}",
      "          hostPath: { path: /data }",
      "#         ^^^^^^^^ error volume-source: A volume may not specify more than 1 volume type (this one has emptyDir and hostPath).",
      "        - name: empty",
      "#         ^^^^ info volume-source: This volume names no volume type, so the API server makes it an emptyDir: write emptyDir: {} (or the source you meant) to say so.",
    ),
      'volume-source',
    );
  });

  test('volume-source stays quiet on a valid manifest', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  selector:",
      "    matchLabels:",
      "      app: web",
      "  template:",
      "    metadata:",
      "      labels:",
      "        app: web",
      "    spec:",
      "      containers:",
      "        - name: app",
      "          image: nginx:1.27",
      "      volumes:",
      "        - name: data",
      "          emptyDir: {}",
    ),
      'volume-source',
    );
  });

  test('mount-not-found fires', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  selector:",
      "    matchLabels:",
      "      app: web",
      "  template:",
      "    metadata:",
      "      labels:",
      "        app: web",
      "    spec:",
      "      containers:",
      "        - name: app",
      "          image: nginx",
      "          volumeMounts:",
      "            - { name: data, mountPath: /data }",
      "#                     ^^^^ error mount-not-found: No volume named \"data\": add it to spec.template.spec.volumes, or fix the name.",
      "      volumes:",
      "        - { name: cache, emptyDir: {} }",
    ),
      'mount-not-found',
    );
  });

  test('mount-not-found stays quiet on a valid manifest', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: StatefulSet",
      "metadata:",
      "  name: web",
      "spec:",
      "  serviceName: web",
      "  volumeClaimTemplates:",
      "    - metadata: { name: data }",
      "      spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } }",
      "  selector:",
      "    matchLabels:",
      "      app: web",
      "  template:",
      "    metadata:",
      "      labels:",
      "        app: web",
      "    spec:",
      "      containers:",
      "        - name: app",
      "          image: nginx",
      "          volumeMounts:",
      "            - { name: data, mountPath: /data }",
    ),
      'mount-not-found',
    );
  });

  test('mount-path-duplicate fires', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  selector:",
      "    matchLabels:",
      "      app: web",
      "  template:",
      "    metadata:",
      "      labels:",
      "        app: web",
      "    spec:",
      "      containers:",
      "        - name: app",
      "          image: nginx",
      "          volumeMounts:",
      "            - { name: a, mountPath: /data }",
      "            - { name: b, mountPath: /data }",
      "#                                   ^^^^^ error mount-path-duplicate: mountPath \"/data\" must be unique in this container.",
      "      volumes:",
      "        - { name: a, emptyDir: {} }",
      "        - { name: b, emptyDir: {} }",
    ),
      'mount-path-duplicate',
    );
  });

  test('mount-path-duplicate stays quiet on a valid manifest', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  selector:",
      "    matchLabels:",
      "      app: web",
      "  template:",
      "    metadata:",
      "      labels:",
      "        app: web",
      "    spec:",
      "      containers:",
      "        - name: app",
      "          image: nginx",
      "          volumeMounts:",
      "            - { name: a, mountPath: /data }",
      "            - { name: b, mountPath: /cache }",
      "      volumes:",
      "        - { name: a, emptyDir: {} }",
      "        - { name: b, emptyDir: {} }",
    ),
      'mount-path-duplicate',
    );
  });

  test('resources-request-exceeds-limit fires', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  selector:",
      "    matchLabels:",
      "      app: web",
      "  template:",
      "    metadata:",
      "      labels:",
      "        app: web",
      "    spec:",
      "      containers:",
      "        - name: app",
      "          image: nginx",
      "          resources:",
      "            requests: { cpu: \"1.5\", memory: 1Gi }",
      "#                            ^^^^^ error resources-request-exceeds-limit: cpu request 1.5 must be less than or equal to the cpu limit of 500m.",
      "#                                           ^^^ error resources-request-exceeds-limit: memory request 1Gi must be less than or equal to the memory limit of 1000Mi.",
      "            limits: { cpu: 500m, memory: 1000Mi }",
    ),
      'resources-request-exceeds-limit',
    );
  });

  test('resources-request-exceeds-limit stays quiet on a valid manifest', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  selector:",
      "    matchLabels:",
      "      app: web",
      "  template:",
      "    metadata:",
      "      labels:",
      "        app: web",
      "    spec:",
      "      containers:",
      "        - name: app",
      "          image: nginx",
      "          resources:",
      "            requests: { cpu: 0.5, memory: 1e3 }",
      "            limits: { cpu: 500m, memory: 1Ki }",
    ),
      'resources-request-exceeds-limit',
    );
  });

  test('env-source fires', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  selector:",
      "    matchLabels:",
      "      app: web",
      "  template:",
      "    metadata:",
      "      labels:",
      "        app: web",
      "    spec:",
      "      containers:",
      "        - name: app",
      "          image: nginx",
      "          env:",
      "            - name: MODE",
      "              value: fast",
      "              valueFrom: { configMapKeyRef: { name: cfg, key: mode } }",
      "#             ^^^^^^^^^ error env-source: valueFrom may not be specified when `value` is not empty: use one or the other.",
      "          envFrom:",
      "            - configMapRef: { name: a }",
      "              secretRef: { name: b }",
      "#             ^^^^^^^^^ error env-source: May not have more than one field specified at a time (found configMapRef and secretRef).",
    ),
      'env-source',
    );
  });

  test('env-source stays quiet on a valid manifest', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  selector:",
      "    matchLabels:",
      "      app: web",
      "  template:",
      "    metadata:",
      "      labels:",
      "        app: web",
      "    spec:",
      "      containers:",
      "        - name: app",
      "          image: nginx",
      "          env:",
      "            - name: MODE",
      "              value: \"\"",
      "              valueFrom: { configMapKeyRef: { name: cfg, key: mode } }",
      "          envFrom:",
      "            - configMapRef: { name: a }",
    ),
      'env-source',
    );
  });

  test('init-container-restart-policy fires up to Kubernetes 1.34', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  selector:",
      "    matchLabels:",
      "      app: web",
      "  template:",
      "    metadata:",
      "      labels:",
      "        app: web",
      "    spec:",
      "      initContainers:",
      "        - name: setup",
      "          image: busybox",
      "          restartPolicy: Never",
      "#                        ^^^^^ error init-container-restart-policy: Unsupported value \"Never\": before Kubernetes 1.35 an init container's restartPolicy can only be \"Always\" (a sidecar); remove it for a run-to-completion init container.",
      "      containers:",
      "        - name: app",
      "          image: nginx:1.27",
      "          restartPolicy: OnFailure",
      "#         ^^^^^^^^^^^^^ error init-container-restart-policy: restartPolicy may not be set for non-init containers before Kubernetes 1.35 (selected: 1.34).",
    ),
      'init-container-restart-policy',
      { kubernetesVersion: '1.34' },
    );
  });

  test('init-container-restart-policy: from Kubernetes 1.35 every container may say Always, OnFailure or Never (ContainerRestartRules)', () => {
    check(
      lines(
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: {name: web}',
        'spec:',
        '  selector: {matchLabels: {app: web}}',
        '  template:',
        '    metadata: {labels: {app: web}}',
        '    spec:',
        '      initContainers:',
        '        - {name: setup, image: "busybox:1.37", restartPolicy: OnFailure}',
        '      containers:',
        '        - {name: app, image: "nginx:1.27", restartPolicy: Never}',
      ),
      'init-container-restart-policy',
      { kubernetesVersion: '1.35' },
    );
  });

  test('init-container-restart-policy stays quiet on a valid manifest', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  selector:",
      "    matchLabels:",
      "      app: web",
      "  template:",
      "    metadata:",
      "      labels:",
      "        app: web",
      "    spec:",
      "      initContainers:",
      "        - name: proxy",
      "          image: envoy",
      "          restartPolicy: Always",
      "      containers:",
      "        - name: app",
      "          image: nginx:1.27",
    ),
      'init-container-restart-policy',
    );
  });

  test('tolerations fires', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  selector:",
      "    matchLabels:",
      "      app: web",
      "  template:",
      "    metadata:",
      "      labels:",
      "        app: web",
      "    spec:",
      "      containers:",
      "        - name: app",
      "          image: nginx:1.27",
      "      tolerations:",
      "        - operator: Equal",
      "#         ^^^^^^^^ error tolerations: operator must be Exists when `key` is empty, which means \"match all values and all keys\".",
      "          value: x",
      "        - key: a",
      "          operator: Exists",
      "          value: b",
      "#         ^^^^^ error tolerations: value must be empty when `operator` is 'Exists'.",
      "        - key: c",
      "          effect: NoSchedule",
      "          tolerationSeconds: 60",
      "#         ^^^^^^^^^^^^^^^^^ error tolerations: effect must be 'NoExecute' when `tolerationSeconds` is set.",
    ),
      'tolerations',
    );
  });

  test('tolerations stays quiet on a valid manifest', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  selector:",
      "    matchLabels:",
      "      app: web",
      "  template:",
      "    metadata:",
      "      labels:",
      "        app: web",
      "    spec:",
      "      containers:",
      "        - name: app",
      "          image: nginx:1.27",
      "      tolerations:",
      "        - operator: Exists",
      "        - key: c",
      "          effect: NoExecute",
      "          tolerationSeconds: 60",
    ),
      'tolerations',
    );
  });

  test('ephemeral-containers-forbidden fires', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  selector:",
      "    matchLabels:",
      "      app: web",
      "  template:",
      "    metadata:",
      "      labels:",
      "        app: web",
      "    spec:",
      "      containers:",
      "        - name: app",
      "          image: nginx:1.27",
      "      ephemeralContainers:",
      "#     ^^^^^^^^^^^^^^^^^^^ error ephemeral-containers-forbidden: Ephemeral containers are not allowed in a pod template: add them to a running pod with `kubectl debug`.",
      "        - name: debug",
      "          image: busybox",
    ),
      'ephemeral-containers-forbidden',
    );
  });

  test('ephemeral-containers-forbidden stays quiet on a valid manifest', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  selector:",
      "    matchLabels:",
      "      app: web",
      "  template:",
      "    metadata:",
      "      labels:",
      "        app: web",
      "    spec:",
      "      containers:",
      "        - name: app",
      "          image: nginx:1.27",
    ),
      'ephemeral-containers-forbidden',
    );
  });
});
