/**
 * selector-values and node-affinity: a firing case and a clean case for each, as annotations.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAnnotated } from '../../../support/annotations';
import { lines } from '../../../support/text';

function check(text: string, rule: string, settings?: Record<string, unknown>): void {
  assert.equal(checkAnnotated(text, { rules: [rule], ...(settings ? { settings } : {}) }), text);
}

describe("API-server rules on selector requirements", () => {
  test("selector-values fires in the selector, affinity terms and topology spread", () => {
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
        "    matchExpressions:",
        "      - key: tier",
        "        operator: In",
        "#                 ^^ error selector-values: values must be specified when operator is 'In'.",
        "      - key: canary",
        "        operator: DoesNotExist",
        "        values: [\"true\"]",
        "#       ^^^^^^ error selector-values: values may not be specified when operator is 'DoesNotExist'.",
        "  template:",
        "    metadata:",
        "      labels:",
        "        app: web",
        "    spec:",
        "      affinity:",
        "        podAntiAffinity:",
        "          preferredDuringSchedulingIgnoredDuringExecution:",
        "            - weight: 100",
        "              podAffinityTerm:",
        "                topologyKey: kubernetes.io/hostname",
        "                labelSelector:",
        "                  matchExpressions:",
        "                    - key: app",
        "                      operator: NotIn",
        "                      values: []",
        "#                     ^^^^^^ error selector-values: values must be specified when operator is 'NotIn'.",
        "      topologySpreadConstraints:",
        "        - maxSkew: 1",
        "          topologyKey: topology.kubernetes.io/zone",
        "          whenUnsatisfiable: ScheduleAnyway",
        "          labelSelector:",
        "            matchExpressions:",
        "              - key: app",
        "                operator: Exists",
        "                values: [web]",
        "#               ^^^^^^ error selector-values: values may not be specified when operator is 'Exists'.",
        "      containers:",
        "        - name: app",
        "          image: nginx:1.27",
      ),
      "selector-values",
    );
  });

  test("selector-values stays quiet on valid requirements", () => {
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
        "    matchExpressions:",
        "      - key: tier",
        "        operator: In",
        "        values: [a, b]",
        "      - key: canary",
        "        operator: DoesNotExist",
        "  template:",
        "    metadata:",
        "      labels:",
        "        app: web",
        "        tier: a",
        "    spec:",
        "      containers:",
        "        - name: app",
        "          image: nginx:1.27",
      ),
      "selector-values",
    );
  });

  test("node-affinity fires on missing terms, wrong value counts and a non-integer Gt", () => {
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
        "      affinity:",
        "        nodeAffinity:",
        "          requiredDuringSchedulingIgnoredDuringExecution:",
        "            nodeSelectorTerms: []",
        "#           ^^^^^^^^^^^^^^^^^ error node-affinity: A required node affinity must have at least one node selector term.",
        "          preferredDuringSchedulingIgnoredDuringExecution:",
        "            - weight: 1",
        "              preference:",
        "                matchExpressions:",
        "                  - key: example.com/cores",
        "                    operator: Gt",
        "                    values: [\"4\", \"8\"]",
        "#                   ^^^^^^ error node-affinity: values must hold exactly one value when operator is 'Gt', got 2.",
        "                  - key: example.com/mem",
        "                    operator: Lt",
        "                    values: [lots]",
        "#                            ^^^^ warning node-affinity: The value for operator 'Lt' must be an integer, got \"lots\": the scheduler cannot compare it, so no node matches.",
        "                  - key: zone",
        "                    operator: In",
        "#                             ^^ error node-affinity: values must be specified when operator is 'In'.",
        "                  - key: gpu",
        "                    operator: Exists",
        "                    values: [\"yes\"]",
        "#                   ^^^^^^ error node-affinity: values may not be specified when operator is 'Exists'.",
        "      containers:",
        "        - name: app",
        "          image: nginx:1.27",
      ),
      "node-affinity",
    );
  });

  test("node-affinity stays quiet on valid terms", () => {
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
        "      affinity:",
        "        nodeAffinity:",
        "          requiredDuringSchedulingIgnoredDuringExecution:",
        "            nodeSelectorTerms:",
        "              - matchExpressions:",
        "                  - key: example.com/cores",
        "                    operator: Gt",
        "                    values: [\"4\"]",
        "                  - key: kubernetes.io/os",
        "                    operator: In",
        "                    values: [linux]",
        "                  - key: gpu",
        "                    operator: DoesNotExist",
        "      containers:",
        "        - name: app",
        "          image: nginx:1.27",
      ),
      "node-affinity",
    );
  });
});
