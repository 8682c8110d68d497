/**
 * schema and apiVersion rules: for every rule a firing case and a clean case, as annotations.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAnnotated } from '../../../support/annotations';
import { lines } from '../../../support/text';

function check(text: string, rule: string): void {
  assert.equal(checkAnnotated(text, { rules: [rule] }), text);
}

describe('schema and apiVersion rules', () => {
  test('unknown-field fires', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  replicass: 3",
      "# ^^^^^^^^^ error unknown-field: Unknown field \"replicass\" in DeploymentSpec. Did you mean \"replicas\"?",
      "  selector:",
      "    matchLabels: { app: web }",
      "  template:",
      "    metadata: { labels: { app: web } }",
      "    spec:",
      "      containers: [{ name: app, image: nginx, imagePullPolicey: Always }]",
      "#                                             ^^^^^^^^^^^^^^^^ error unknown-field: Unknown field \"imagePullPolicey\" in Container. Did you mean \"imagePullPolicy\" or \"image\"?",
    ),
      'unknown-field',
    );
  });

  test('unknown-field stays quiet on a valid manifest', () => {
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
      'unknown-field',
    );
  });

  test('field-of-another-kind fires', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: StatefulSet",
      "metadata:",
      "  name: web",
      "spec:",
      "  serviceName: web",
      "  strategy:",
      "# ^^^^^^^^ error field-of-another-kind: `strategy` belongs to Deployment; a StatefulSet uses `updateStrategy` (RollingUpdate or OnDelete).",
      "    type: RollingUpdate",
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
      'field-of-another-kind',
    );
  });

  test('field-of-another-kind stays quiet on a valid manifest', () => {
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
      'field-of-another-kind',
    );
  });

  test('invalid-type fires', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  replicas: \"3\"",
      "#           ^^^ error invalid-type: Expected an integer, got the string \"3\". Remove the quotes.",
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
      "          env:",
      "            - name: PORT",
      "              value: 80",
      "#                    ^^ error invalid-type: Expected a string, but YAML reads 80 as a number, which the API server rejects. Quote it: \"80\".",
      "            - name: DEBUG",
      "              value: yes",
      "#                    ^^^ error invalid-type: Expected a string, but YAML reads yes as the boolean true, which the API server rejects. Quote it: \"yes\".",
      "          resources:",
      "            limits:",
      "              memory: 1 Gi",
      "#                     ^^^^ error invalid-type: \"1 Gi\" is not a valid quantity: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$' (e.g. 500m, 1Gi, 1.5).",
      "          ports:",
      "            - containerPort: 80.5",
      "#                            ^^^^ error invalid-type: Expected an integer, got 80.5.",
    ),
      'invalid-type',
    );
  });

  test('invalid-type stays quiet on a valid manifest', () => {
    check(
    lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  replicas: 3",
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
      "          env:",
      "            - name: PORT",
      "              value: \"80\"",
      "          resources:",
      "            limits:",
      "              cpu: 1",
      "              memory: 1Gi",
      "          ports:",
      "            - containerPort: 80",
    ),
      'invalid-type',
    );
  });

  test('invalid-enum fires', () => {
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
      "          imagePullPolicy: always",
      "#                          ^^^^^^ error invalid-enum: Unsupported value \"always\" for imagePullPolicy: supported values are \"Always\", \"IfNotPresent\" and \"Never\". Did you mean \"Always\"?",
    ),
      'invalid-enum',
    );
  });

  test('invalid-enum stays quiet on a valid manifest', () => {
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
      "          imagePullPolicy: Always",
    ),
      'invalid-enum',
    );
  });

  test('missing-required fires', () => {
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
      "#         ^^^^ error missing-required: Missing required field \"image\" in Container.",
      "          ports:",
      "            - name: http",
      "#             ^^^^ error missing-required: Missing required field \"containerPort\" in ContainerPort.",
    ),
      'missing-required',
    );
  });

  test('missing-required stays quiet on a valid manifest', () => {
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
      'missing-required',
    );
  });

  test('removed-api-version fires', () => {
    check(
    lines(
      "apiVersion: extensions/v1beta1",
      "#           ^^^^^^^^^^^^^^^^^^ error removed-api-version: Deployment in \"extensions/v1beta1\" stopped being served in Kubernetes 1.16 and was removed in 1.18. Use \"apps/v1\".",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  rollbackTo:",
      "    revision: 1",
      "  template:",
      "    metadata: { labels: { app: web } }",
      "    spec:",
      "      containers: [{ name: app, image: nginx }]",
    ),
      'removed-api-version',
    );
  });

  test('removed-api-version stays quiet on a valid manifest', () => {
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
      'removed-api-version',
    );
  });

  test('unknown-api-version fires', () => {
    check(
    lines(
      "apiVersion: apps/v2",
      "#           ^^^^^^^ error unknown-api-version: There is no apiVersion \"apps/v2\" for Deployment. Use \"apps/v1\".",
      "kind: Deployment",
      "metadata:",
      "  name: web",
    ),
      'unknown-api-version',
    );
  });

  test('unknown-api-version stays quiet on a valid manifest', () => {
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
      'unknown-api-version',
    );
  });
});
