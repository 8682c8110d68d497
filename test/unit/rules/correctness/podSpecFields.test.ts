/**
 * dns-config, topology-spread, host-network-port, pod-spec-name and security-context-conflict: a firing case and a clean case for each, as annotations.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAnnotated } from '../../../support/annotations';
import { lines } from '../../../support/text';

function check(text: string, rule: string, settings?: Record<string, unknown>): void {
  assert.equal(checkAnnotated(text, { rules: [rule], ...(settings ? { settings } : {}) }), text);
}

describe("API-server rules on pod spec fields", () => {
  test("dns-config fires when dnsPolicy None has no nameserver", () => {
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
        "      dnsPolicy: None",
        "      dnsConfig:",
        "#     ^^^^^^^^^ error dns-config: dnsPolicy None requires a dnsConfig with at least one nameserver: the pod gets no DNS settings from the cluster.",
        "        searches: [svc.cluster.local]",
        "      containers:",
        "        - name: app",
        "          image: nginx:1.27",
      ),
      "dns-config",
    );
  });

  test("dns-config fires when dnsPolicy None has no dnsConfig", () => {
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
        "      dnsPolicy: None",
        "#                ^^^^ error dns-config: dnsPolicy None requires a dnsConfig with at least one nameserver: the pod gets no DNS settings from the cluster.",
        "      containers:",
        "        - name: app",
        "          image: nginx:1.27",
      ),
      "dns-config",
    );
  });

  test("dns-config fires on too many nameservers", () => {
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
        "      dnsConfig:",
        "        nameservers: [10.0.0.1, 10.0.0.2, 10.0.0.3, 10.0.0.4]",
        "#                                                   ^^^^^^^^ error dns-config: dnsConfig.nameservers may hold at most 3 entries, got 4.",
        "      containers:",
        "        - name: app",
        "          image: nginx:1.27",
      ),
      "dns-config",
    );
  });

  test("dns-config stays quiet on a valid None policy", () => {
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
        "      dnsPolicy: None",
        "      dnsConfig:",
        "        nameservers: [10.0.0.10]",
        "        searches: [svc.cluster.local]",
        "      containers:",
        "        - name: app",
        "          image: nginx:1.27",
      ),
      "dns-config",
    );
  });

  test("topology-spread fires on maxSkew, topologyKey, minDomains and duplicates", () => {
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
        "      topologySpreadConstraints:",
        "        - maxSkew: 0",
        "#                  ^ error topology-spread: maxSkew must be greater than 0, got 0.",
        "          topologyKey: \"\"",
        "#         ^^^^^^^^^^^ error topology-spread: topologyKey must not be empty: name a node label such as topology.kubernetes.io/zone.",
        "          whenUnsatisfiable: DoNotSchedule",
        "          minDomains: 0",
        "#                     ^ error topology-spread: minDomains must be greater than 0, got 0.",
        "        - maxSkew: 1",
        "          topologyKey: topology.kubernetes.io/zone",
        "          whenUnsatisfiable: ScheduleAnyway",
        "          minDomains: 2",
        "#         ^^^^^^^^^^ error topology-spread: minDomains can only be used with whenUnsatisfiable DoNotSchedule.",
        "        - maxSkew: 2",
        "          topologyKey: topology.kubernetes.io/zone",
        "#                      ^^^^^^^^^^^^^^^^^^^^^^^^^^^ error topology-spread: Duplicate constraint for topologyKey \"topology.kubernetes.io/zone\" with whenUnsatisfiable ScheduleAnyway: merge it with the first one.",
        "          whenUnsatisfiable: ScheduleAnyway",
        "      containers:",
        "        - name: app",
        "          image: nginx:1.27",
      ),
      "topology-spread",
    );
  });

  test("topology-spread stays quiet on valid constraints", () => {
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
        "      topologySpreadConstraints:",
        "        - maxSkew: 1",
        "          topologyKey: topology.kubernetes.io/zone",
        "          whenUnsatisfiable: DoNotSchedule",
        "          minDomains: 3",
        "        - maxSkew: 1",
        "          topologyKey: topology.kubernetes.io/zone",
        "          whenUnsatisfiable: ScheduleAnyway",
        "      containers:",
        "        - name: app",
        "          image: nginx:1.27",
      ),
      "topology-spread",
    );
  });

  test("host-network-port fires when hostPort differs from containerPort", () => {
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
        "      hostNetwork: true",
        "      containers:",
        "        - name: app",
        "          image: nginx:1.27",
        "          ports:",
        "            - containerPort: 80",
        "              hostPort: 8080",
        "#                       ^^^^ error host-network-port: hostPort 8080 must match containerPort 80 when hostNetwork is true.",
      ),
      "host-network-port",
    );
  });

  test("host-network-port stays quiet on equal ports and hostPort 0", () => {
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
        "      hostNetwork: true",
        "      containers:",
        "        - name: app",
        "          image: nginx:1.27",
        "          ports:",
        "            - containerPort: 80",
        "              hostPort: 80",
        "            - containerPort: 81",
        "              hostPort: 0",
        "            - containerPort: 82",
      ),
      "host-network-port",
    );
  });

  test("host-network-port stays quiet without hostNetwork", () => {
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
        "          ports:",
        "            - containerPort: 80",
        "              hostPort: 8080",
      ),
      "host-network-port",
    );
  });

  test("pod-spec-name fires on bad hostname, subdomain and object names", () => {
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
        "      hostname: web_1",
        "#               ^^^^^ error pod-spec-name: Invalid hostname \"web_1\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name' or '123-abc').",
        "      subdomain: Web",
        "#                ^^^ error pod-spec-name: Invalid subdomain \"Web\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name' or '123-abc').",
        "      serviceAccountName: My-SA",
        "#                         ^^^^^ error pod-spec-name: Invalid serviceAccountName \"My-SA\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com').",
        "      priorityClassName: high_priority",
        "#                        ^^^^^^^^^^^^^ error pod-spec-name: Invalid priorityClassName \"high_priority\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com').",
        "      nodeName: node-1.",
        "#               ^^^^^^^ error pod-spec-name: Invalid nodeName \"node-1.\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com').",
        "      runtimeClassName: \"\"",
        "#                       ^^ error pod-spec-name: Invalid runtimeClassName \"\": a name is required when the field is present.",
        "      containers:",
        "        - name: app",
        "          image: nginx:1.27",
      ),
      "pod-spec-name",
    );
  });

  test("pod-spec-name stays quiet on valid names", () => {
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
        "      hostname: web-1",
        "      subdomain: web",
        "      serviceAccountName: system.web",
        "      priorityClassName: high-priority",
        "      nodeName: ip-10-0-0-1.ec2.internal",
        "      runtimeClassName: gvisor",
        "      containers:",
        "        - name: app",
        "          image: nginx:1.27",
      ),
      "pod-spec-name",
    );
  });

  test("security-context-conflict fires on both conflicts", () => {
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
        "      shareProcessNamespace: true",
        "#     ^^^^^^^^^^^^^^^^^^^^^ error security-context-conflict: shareProcessNamespace and hostPID cannot both be enabled.",
        "      hostPID: true",
        "      containers:",
        "        - name: app",
        "          image: nginx:1.27",
        "          securityContext:",
        "            privileged: true",
        "            allowPrivilegeEscalation: false",
        "#                                     ^^^^^ error security-context-conflict: allowPrivilegeEscalation cannot be false when privileged is true: a privileged container can always escalate.",
      ),
      "security-context-conflict",
    );
  });

  test("security-context-conflict stays quiet when settings agree", () => {
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
        "      shareProcessNamespace: true",
        "      hostPID: false",
        "      containers:",
        "        - name: app",
        "          image: nginx:1.27",
        "          securityContext:",
        "            privileged: true",
        "            allowPrivilegeEscalation: true",
      ),
      "security-context-conflict",
    );
  });
});
