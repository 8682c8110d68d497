/**
 * invalid-label and invalid-annotation: a firing case and a clean case for each, as annotations.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAnnotated } from '../../../support/annotations';
import { lines } from '../../../support/text';

function check(text: string, rule: string, settings?: Record<string, unknown>): void {
  assert.equal(checkAnnotated(text, { rules: [rule], ...(settings ? { settings } : {}) }), text);
}

describe("API-server rules on labels and annotations", () => {
  test("invalid-label fires on keys and values in metadata, template, selector and nodeSelector", () => {
    check(
      lines(
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata:",
        "  name: web",
        "  labels:",
        "    app_: web",
        "#   ^^^^ error invalid-label: Invalid label key \"app_\": the name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName', 'my.name' or '123-abc').",
        "    example.com/tier: backend",
        "    Example.com/x: y",
        "#   ^^^^^^^^^^^^^ error invalid-label: Invalid label key \"Example.com/x\": the prefix \"Example.com\" (before the /) must be a DNS subdomain: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com').",
        "    version: \"1.0 beta\"",
        "#            ^^^^^^^^^^ error invalid-label: Invalid label value \"1.0 beta\" for \"version\": a label value must be empty or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName', 'my.name' or '123-abc').",
        "spec:",
        "  selector:",
        "    matchLabels:",
        "      app: web",
        "    matchExpressions:",
        "      - key: track",
        "        operator: In",
        "        values: [\"-stable\"]",
        "#                ^^^^^^^^^ error invalid-label: Invalid label value \"-stable\": a label value must be empty or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName', 'my.name' or '123-abc').",
        "  template:",
        "    metadata:",
        "      labels:",
        "        app: web",
        "        too-long: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "#                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error invalid-label: Invalid label value \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\" for \"too-long\": must be no more than 63 characters.",
        "    spec:",
        "      nodeSelector:",
        "        /arch: amd64",
        "#       ^^^^^ error invalid-label: Invalid label key \"/arch\": the prefix (before the /) must not be empty.",
        "      containers:",
        "        - name: app",
        "          image: nginx:1.27",
      ),
      "invalid-label",
    );
  });

  test("invalid-label stays quiet on valid keys and values", () => {
    check(
      lines(
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata:",
        "  name: web",
        "  labels:",
        "    app.kubernetes.io/name: web",
        "    Tier_1: Back.end-2",
        "    empty: \"\"",
        "spec:",
        "  selector:",
        "    matchLabels:",
        "      app: web",
        "  template:",
        "    metadata:",
        "      labels:",
        "        app: web",
        "        long: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "    spec:",
        "      nodeSelector:",
        "        kubernetes.io/arch: amd64",
        "      containers:",
        "        - name: app",
        "          image: nginx:1.27",
      ),
      "invalid-label",
    );
  });

  test("invalid-annotation fires on a bad key", () => {
    check(
      lines(
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata:",
        "  name: web",
        "  annotations:",
        "    example.com/: x",
        "#   ^^^^^^^^^^^^ error invalid-annotation: Invalid annotation key \"example.com/\": the name part must not be empty.",
        "    a b: c",
        "#   ^^^ error invalid-annotation: Invalid annotation key \"a b\": the name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName', 'my.name' or '123-abc').",
        "spec:",
        "  selector:",
        "    matchLabels:",
        "      app: web",
        "  template:",
        "    metadata:",
        "      labels:",
        "        app: web",
        "      annotations:",
        "        -bad: x",
        "#       ^^^^ error invalid-annotation: Invalid annotation key \"-bad\": the name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName', 'my.name' or '123-abc').",
        "    spec:",
        "      containers:",
        "        - name: app",
        "          image: nginx:1.27",
      ),
      "invalid-annotation",
    );
  });

  test("invalid-annotation fires when the annotations exceed 256 KiB", () => {
    check(
      lines(
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata:",
        "  name: web",
        "  annotations:",
        "# ^^^^^^^^^^^ error invalid-annotation: Annotations too long: 262147 bytes, at most 262144 (256 KiB) are allowed; move large data to a ConfigMap.",
        "    big: " + "x".repeat(262144),
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
      "invalid-annotation",
    );
  });

  test("invalid-annotation stays quiet on valid keys, upper case included", () => {
    check(
      lines(
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata:",
        "  name: web",
        "  annotations:",
        "    Example.COM/Owner: team a",
        "    deployment.kubernetes.io/revision: \"3\"",
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
      "invalid-annotation",
    );
  });
});
