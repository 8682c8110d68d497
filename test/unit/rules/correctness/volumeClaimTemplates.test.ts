/**
 * volume-claim-templates: firing cases (errors and the shadowing warning) and a clean case, as annotations.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAnnotated } from '../../../support/annotations';
import { lines } from '../../../support/text';

function check(text: string, rule: string, settings?: Record<string, unknown>): void {
  assert.equal(checkAnnotated(text, { rules: [rule], ...(settings ? { settings } : {}) }), text);
}

describe("API-server rules on StatefulSet claim templates", () => {
  test("volume-claim-templates fires on missing access modes, a zero or missing storage request, ReadWriteOncePod with others, and duplicates", () => {
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
        "  volumeClaimTemplates:",
        "    - metadata:",
        "        name: data",
        "      spec:",
        "#     ^^^^ error volume-claim-templates: A claim template needs at least one access mode (accessModes: [ReadWriteOnce], for example).",
        "        resources:",
        "          requests:",
        "            storage: 0",
        "#                    ^ error volume-claim-templates: storage request must be greater than 0, got 0.",
        "    - metadata:",
        "        name: logs",
        "      spec:",
        "#     ^^^^ error volume-claim-templates: A claim template needs a storage request (resources.requests.storage, e.g. 1Gi).",
        "        accessModes: [ReadWriteOnce, ReadWriteOncePod]",
        "#                                    ^^^^^^^^^^^^^^^^ error volume-claim-templates: ReadWriteOncePod cannot be combined with other access modes.",
        "    - metadata:",
        "        name: data",
        "#             ^^^^ error volume-claim-templates: Duplicate claim template name \"data\": each claim template becomes a pod volume, so names must be unique.",
        "      spec:",
        "        accessModes: [ReadWriteOnce]",
        "        resources:",
        "          requests:",
        "            storage: 1Gi",
        "  template:",
        "    metadata:",
        "      labels:",
        "        app: web",
        "    spec:",
        "      containers:",
        "        - name: app",
        "          image: nginx:1.27",
      ),
      "volume-claim-templates",
    );
  });

  test("volume-claim-templates warns when a template volume is shadowed by a claim template", () => {
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
        "  volumeClaimTemplates:",
        "    - metadata:",
        "        name: data",
        "      spec:",
        "        accessModes: [ReadWriteOnce]",
        "        resources:",
        "          requests:",
        "            storage: 1Gi",
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
        "#               ^^^^ warning volume-claim-templates: The template volume \"data\" is replaced by the claim template of the same name; rename one of them.",
        "          emptyDir: {}",
      ),
      "volume-claim-templates",
    );
  });

  test("volume-claim-templates stays quiet on a valid claim template", () => {
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
        "  volumeClaimTemplates:",
        "    - metadata:",
        "        name: data",
        "      spec:",
        "        accessModes: [ReadWriteOnce]",
        "        resources:",
        "          requests:",
        "            storage: 1Gi",
        "  template:",
        "    metadata:",
        "      labels:",
        "        app: web",
        "    spec:",
        "      containers:",
        "        - name: app",
        "          image: nginx:1.27",
        "          volumeMounts:",
        "            - name: data",
        "              mountPath: /data",
      ),
      "volume-claim-templates",
    );
  });
});
