/**
 * API-server rules on the workload spec: for every rule a firing case and a clean case, as annotations.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAnnotated } from '../../../support/annotations';
import { lines } from '../../../support/text';

function check(text: string, rule: string): void {
  assert.equal(checkAnnotated(text, { rules: [rule] }), text);
}

describe('API-server rules on the workload spec', () => {
  test('selector-required fires', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "^^^^ error selector-required: Missing required field \"selector\": a Deployment in apps/v1 needs spec.selector, usually matchLabels equal to the pod template's labels.",
      "  template:",
      "    metadata: { labels: { app: web } }",
      "    spec:",
      "      containers: [{ name: app, image: nginx }]",
    ),
      'selector-required',
    );
  });

  test('selector-required stays quiet on a valid manifest', () => {
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
      'selector-required',
    );
  });

  test('selector-empty fires', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  selector: {}",
      "# ^^^^^^^^ error selector-empty: An empty selector is invalid for a deployment: it would select every pod. Add matchLabels that the pod template's labels satisfy.",
      "  template:",
      "    metadata: { labels: { app: web } }",
      "    spec:",
      "      containers: [{ name: app, image: nginx }]",
    ),
      'selector-empty',
    );
  });

  test('selector-empty stays quiet on a valid manifest', () => {
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
      'selector-empty',
    );
  });

  test('selector-mismatch fires', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  selector:",
      "    matchLabels: { app: web }",
      "    matchExpressions:",
      "      - { key: tier, operator: In, values: [front] }",
      "  template:",
      "    metadata:",
      "      labels: { app: frontend, tier: front }",
      "#     ^^^^^^ error selector-mismatch: `selector` does not match template `labels`: the template's labels do not satisfy app=web.",
      "    spec:",
      "      containers: [{ name: app, image: nginx }]",
    ),
      'selector-mismatch',
    );
  });

  test('selector-mismatch stays quiet on a valid manifest', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  selector:",
      "    matchLabels: { app: web }",
      "    matchExpressions:",
      "      - { key: tier, operator: In, values: [front] }",
      "  template:",
      "    metadata:",
      "      labels: { app: web, tier: front }",
      "    spec:",
      "      containers: [{ name: app, image: nginx }]",
    ),
      'selector-mismatch',
    );
  });

  test('invalid-name fires', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: StatefulSet",
      "metadata:",
      "  name: web.db",
      "#       ^^^^^^ error invalid-name: Invalid name \"web.db\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name' or '123-abc').",
      "  namespace: My_NS",
      "#            ^^^^^ error invalid-name: Invalid namespace \"My_NS\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name' or '123-abc').",
    ),
      'invalid-name',
    );
  });

  test('invalid-name stays quiet on a valid manifest', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web.db",
    ),
      'invalid-name',
    );
  });

  test('statefulset-name-too-long warns: accepted, but no pod can be created', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: StatefulSet",
      "metadata:",
      "  name: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      "#       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning statefulset-name-too-long: StatefulSet name is 53 characters: the API server accepts it, but no pod can be created, because the controller-revision-hash label \"<name>-<hash>\" would exceed 63 characters. Use at most 52.",
    ),
      'statefulset-name-too-long',
    );
  });

  test('statefulset-name-too-long stays quiet on a valid manifest', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: StatefulSet",
      "metadata:",
      "  name: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    ),
      'statefulset-name-too-long',
    );
  });

  test('negative-value fires', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  replicas: -1",
      "#           ^^ error negative-value: spec.replicas must be greater than or equal to 0, got -1.",
      "  revisionHistoryLimit: -2",
      "#                       ^^ error negative-value: spec.revisionHistoryLimit must be greater than or equal to 0, got -2.",
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
      "          readinessProbe:",
      "            tcpSocket: { port: 80 }",
      "            periodSeconds: -5",
      "#                          ^^ error negative-value: spec.template.spec.containers[0].readinessProbe.periodSeconds must be greater than or equal to 0, got -5.",
    ),
      'negative-value',
    );
  });

  test('negative-value stays quiet on a valid manifest', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  replicas: 0",
      "  revisionHistoryLimit: 0",
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
      'negative-value',
    );
  });

  test('progress-deadline fires', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  minReadySeconds: 600",
      "#                  ^^^ error progress-deadline: minReadySeconds (600) must be less than progressDeadlineSeconds, which defaults to 600: set a larger progressDeadlineSeconds or lower minReadySeconds.",
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
      'progress-deadline',
    );
  });

  test('progress-deadline stays quiet on a valid manifest', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  minReadySeconds: 600",
      "  progressDeadlineSeconds: 900",
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
      'progress-deadline',
    );
  });

  test('strategy-rolling-update fires', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  strategy:",
      "    rollingUpdate:",
      "      maxSurge: 0",
      "      maxUnavailable: 0%",
      "#                     ^^ error strategy-rolling-update: maxUnavailable may not be 0 when maxSurge is 0: the rollout could never make progress.",
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
      'strategy-rolling-update',
    );
  });

  test('strategy-rolling-update stays quiet on a valid manifest', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  strategy:",
      "    rollingUpdate:",
      "      maxSurge: 0",
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
      'strategy-rolling-update',
    );
  });

  test('daemonset-rolling-update fires', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: DaemonSet",
      "metadata:",
      "  name: web",
      "spec:",
      "  updateStrategy:",
      "    rollingUpdate:",
      "      maxSurge: 1",
      "#               ^ error daemonset-rolling-update: maxSurge may not be set when maxUnavailable is non-zero (it defaults to 1): a DaemonSet uses one or the other. Set maxUnavailable: 0 to surge.",
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
      'daemonset-rolling-update',
    );
  });

  test('daemonset-rolling-update stays quiet on a valid manifest', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: DaemonSet",
      "metadata:",
      "  name: web",
      "spec:",
      "  updateStrategy:",
      "    rollingUpdate:",
      "      maxSurge: 1",
      "      maxUnavailable: 0",
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
      'daemonset-rolling-update',
    );
  });

  test('statefulset-update-strategy fires', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: StatefulSet",
      "metadata:",
      "  name: web",
      "spec:",
      "  serviceName: web",
      "  updateStrategy:",
      "    type: OnDelete",
      "    rollingUpdate:",
      "#   ^^^^^^^^^^^^^ error statefulset-update-strategy: rollingUpdate is only allowed for updateStrategy \"RollingUpdate\"; remove it with \"OnDelete\".",
      "      partition: 1",
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
      'statefulset-update-strategy',
    );
  });

  test('statefulset-update-strategy stays quiet on a valid manifest', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: StatefulSet",
      "metadata:",
      "  name: web",
      "spec:",
      "  serviceName: web",
      "  updateStrategy:",
      "    type: RollingUpdate",
      "    rollingUpdate:",
      "      partition: 1",
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
      'statefulset-update-strategy',
    );
  });

  test('pvc-retention-policy fires', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: StatefulSet",
      "metadata:",
      "  name: web",
      "spec:",
      "  serviceName: web",
      "  persistentVolumeClaimRetentionPolicy:",
      "    whenDeleted: Remove",
      "#                ^^^^^^ error pvc-retention-policy: Unsupported value \"Remove\" for whenDeleted: supported values are \"Retain\" and \"Delete\".",
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
      'pvc-retention-policy',
    );
  });

  test('pvc-retention-policy stays quiet on a valid manifest', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: StatefulSet",
      "metadata:",
      "  name: web",
      "spec:",
      "  serviceName: web",
      "  persistentVolumeClaimRetentionPolicy:",
      "    whenDeleted: Delete",
      "    whenScaled: Retain",
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
      'pvc-retention-policy',
    );
  });

  test('service-name fires', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: StatefulSet",
      "metadata:",
      "  name: web",
      "spec:",
      "  serviceName: My_Service",
      "#              ^^^^^^^^^^ error service-name: Invalid serviceName \"My_Service\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name' or '123-abc').",
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
      'service-name',
    );
  });

  test('service-name stays quiet on a valid manifest', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: StatefulSet",
      "metadata:",
      "  name: web",
      "spec:",
      "  serviceName: web",
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
      'service-name',
    );
  });
});
