/**
 * API-server rules on pod values found by the conformance suite (../shared/apiserver):
 * securityContext values, env sources, DNS, probe handlers, quantities, affinity weights.
 * A firing case and a clean case for each, as annotations.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAnnotated } from '../../../support/annotations';
import { lines } from '../../../support/text';

function check(text: string, rules: string[]): void {
  assert.equal(checkAnnotated(text, { rules }), text);
}

describe('API-server rules on pod values', () => {
  test('security-context-values: ids in range, Localhost profiles named, sysctl names, hostProcess with hostNetwork', () => {
    check(
      lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  selector:",
      "    matchLabels: {app: web}",
      "  template:",
      "    metadata:",
      "      labels: {app: web}",
      "    spec:",
      "      securityContext:",
      "        runAsGroup: -5",
      "#                   ^^ error security-context-values: spec.template.spec.securityContext.runAsGroup must be between 0 and 2147483647, got -5.",
      "        fsGroup: 2147483648",
      "#                ^^^^^^^^^^ error security-context-values: spec.template.spec.securityContext.fsGroup must be between 0 and 2147483647, got 2147483648.",
      "        supplementalGroups: [1000, -1]",
      "#                                  ^^ error security-context-values: spec.template.spec.securityContext.supplementalGroups[1] must be between 0 and 2147483647, got -1.",
      "        sysctls:",
      "          - {name: \"bad name\", value: \"1\"}",
      "#                  ^^^^^^^^^^ error security-context-values: Invalid sysctl name \"bad name\": it must have at most 253 characters and consist of lowercase alphanumeric segments (with '-' or '_' inside) separated by '.' or '/', e.g. net.ipv4.ip_local_port_range.",
      "          - {name: net.ipv4.ip_local_port_range, value: \"1024 65535\"}",
      "          - {name: kernel/shm_rmid_forced, value: \"1\"}",
      "      containers:",
      "        - name: web",
      "          image: nginx:1.27",
      "          securityContext:",
      "            runAsUser: -1",
      "#                      ^^ error security-context-values: spec.template.spec.containers[0].securityContext.runAsUser must be between 0 and 2147483647, got -1.",
      "            seccompProfile:",
      "              type: Localhost",
      "#                   ^^^^^^^^^ error security-context-values: seccompProfile.localhostProfile is required when the seccomp profile type is Localhost: name the profile file on the node.",
      "            appArmorProfile:",
      "              type: RuntimeDefault",
      "              localhostProfile: k8s-nginx",
      "#             ^^^^^^^^^^^^^^^^ error security-context-values: appArmorProfile.localhostProfile may only be set when the AppArmor profile type is Localhost, not \"RuntimeDefault\".",
      "        - name: win",
      "          image: mcr.microsoft.com/windows/nanoserver:ltsc2022",
      "          securityContext:",
      "            runAsUser: 0",
      "            seccompProfile: {type: Localhost, localhostProfile: profiles/audit.json}",
      "            windowsOptions:",
      "              hostProcess: true",
      "#                          ^^^^ error security-context-values: A pod with hostProcess containers must set hostNetwork: true: Windows host process containers run in the node's network namespace.",
      ),
      ['security-context-values'],
    );
  });

  test('env-ref-values, dns-config and defaulted empty values: what valueFrom and dnsConfig name must exist; "" is defaulted', () => {
    check(
      lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  selector:",
      "    matchLabels: {app: web}",
      "  template:",
      "    metadata:",
      "      labels: {app: web}",
      "    spec:",
      "      restartPolicy: \"\"",
      "      dnsPolicy: None",
      "      dnsConfig:",
      "        nameservers: [10.0.0.300, \"2001:db8::a\", dns.example.com]",
      "#                     ^^^^^^^^^^ error dns-config: Nameserver \"10.0.0.300\" is not an IP address (e.g. 10.96.0.10 or 2001:db8::a): dnsConfig.nameservers takes addresses, not host names.",
      "#                                                ^^^^^^^^^^^^^^^ error dns-config: Nameserver \"dns.example.com\" is not an IP address (e.g. 10.96.0.10 or 2001:db8::a): dnsConfig.nameservers takes addresses, not host names.",
      "        options:",
      "          - name: ndots",
      "            value: \"2\"",
      "          - value: \"1\"",
      "#           ^^^^^ error dns-config: A dnsConfig option needs a name (e.g. ndots, with value \"2\").",
      "      containers:",
      "        - name: web",
      "          image: nginx:1.27",
      "          imagePullPolicy: \"\"",
      "          env:",
      "            - name: GPU",
      "              valueFrom:",
      "                resourceFieldRef: {resource: limits.gpu}",
      "#                                            ^^^^^^^^^^ error env-ref-values: Unsupported resource \"limits.gpu\" for resourceFieldRef: supported values are \"limits.cpu\", \"limits.memory\", \"limits.ephemeral-storage\", \"requests.cpu\", \"requests.memory\", \"requests.ephemeral-storage\" (and hugepages-<size> limits or requests).",
      "            - name: MEM",
      "              valueFrom:",
      "                resourceFieldRef: {containerName: web, resource: requests.memory}",
      "            - name: MODE",
      "              valueFrom:",
      "                configMapKeyRef: {name: cfg, key: \"bad key!\"}",
      "#                                                 ^^^^^^^^^^ error env-ref-values: Invalid key \"bad key!\": a ConfigMap or Secret key must consist of alphanumeric characters, '-', '_' or '.'.",
      "            - name: TOKEN",
      "              valueFrom:",
      "                secretKeyRef: {name: creds, key: .token}",
      "            - name: POD",
      "              valueFrom:",
      "                fieldRef:",
      "                  apiVersion: v2",
      "                  fieldPath: metadata.name",
      "#                            ^^^^^^^^^^^^^ error env-ref-values: fieldRef.apiVersion \"v2\" is not a version of the pod: fieldPath is read from the v1 Pod, so use apiVersion: v1 (or leave it out).",
      ),
      ['env-ref-values', 'dns-config', 'invalid-enum'],
    );
  });

  test('a pod template without spec misses its containers', () => {
    check(
      lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  selector:",
      "    matchLabels: {app: web}",
      "  template:",
      "# ^^^^^^^^ error missing-required: Missing required field \"spec\" in PodTemplateSpec.",
      "    metadata:",
      "      labels: {app: web}",
      ),
      ['missing-required'],
    );
  });

  test('resource-values, probe-handler-values and affinity-weight', () => {
    check(
      lines(
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "spec:",
      "  selector:",
      "    matchLabels: {app: web}",
      "  template:",
      "    metadata:",
      "      labels: {app: web}",
      "    spec:",
      "      affinity:",
      "        nodeAffinity:",
      "          preferredDuringSchedulingIgnoredDuringExecution:",
      "            - weight: 101",
      "#                     ^^^ error affinity-weight: weight must be in the range 1-100, got 101: it is how much this preference counts against the others.",
      "              preference: {matchExpressions: [{key: disktype, operator: In, values: [ssd]}]}",
      "        podAntiAffinity:",
      "          preferredDuringSchedulingIgnoredDuringExecution:",
      "            - weight: 100",
      "              podAffinityTerm: {topologyKey: kubernetes.io/hostname, labelSelector: {matchLabels: {app: web}}}",
      "      containers:",
      "        - name: web",
      "          image: nginx:1.27",
      "          resources:",
      "            requests: {memory: \"-1Gi\", cpu: 100m, hugepages-2Mi: 4Mi}",
      "#                              ^^^^^^ error resource-values: requests.memory must be greater than or equal to 0, got \"-1Gi\".",
      "            limits: {gpu: 1, nvidia.com/gpu: 1, memory: 1Gi, hugepages-2Mi: 4Mi}",
      "#                    ^^^ error resource-values: \"gpu\" is not a standard container resource (cpu, memory, ephemeral-storage, hugepages-<size>): an extended resource must be fully qualified, e.g. example.com/gpu.",
      "          livenessProbe:",
      "            exec: {command: []}",
      "#                  ^^^^^^^ error probe-handler-values: exec.command is required: give the command to run, e.g. [cat, /tmp/healthy].",
      "          readinessProbe:",
      "            httpGet:",
      "              port: 8080",
      "              httpHeaders: [{name: \"Bad Header\", value: x}, {name: X-Probe, value: \"1\"}]",
      "#                                  ^^^^^^^^^^^^ error probe-handler-values: Invalid HTTP header name \"Bad Header\": a header name consists of letters, digits and '-' (e.g. X-Header-Name).",
      "          lifecycle:",
      "            preStop:",
      "              exec: {command: [sleep, \"5\"]}",
      ),
      ['resource-values', 'probe-handler-values', 'affinity-weight'],
    );
  });
});
