/**
 * Every document of a file is analysed, not only the four workload kinds: apiVersion and kind are
 * judged for every manifest (a misspelled kind, a missing one, a removed or unknown apiVersion),
 * the schema walk covers the kinds beside workloads, and the pod-spec rules reach the pod
 * templates of Jobs and CronJobs and the spec of a Pod. Custom resources stay silent.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAnnotated } from '../../../support/annotations';
import { lines } from '../../../support/text';

function check(text: string, rules?: readonly string[]): void {
  assert.equal(checkAnnotated(text, rules ? { rules } : {}), text);
}

describe('apiVersion and kind of every manifest', () => {
  test("a lower-case or plural kind is an Error that names the kind meant", () => {
    check(lines(
      "apiVersion: apps/v1",
      "^^^^^^^^^^^^^^^^^^^ error unknown-kind: Unknown kind \"daemonset\" in \"apps/v1\". Did you mean \"DaemonSet\"? Kinds are case-sensitive.",
      "kind: daemonset",
      "metadata:",
      "  name: agent",
      "---",
      "apiVersion: apps/v1",
      "^^^^^^^^^^^^^^^^^^^ error unknown-kind: Unknown kind \"Deployments\" in \"apps/v1\". Did you mean \"Deployment\"?",
      "kind: Deployments",
      "metadata:",
      "  name: web",
    ));
  });
  test("a manifest without kind gets the kinds its apiVersion serves, best match first", () => {
    check(lines(
      "apiVersion: v1",
      "^^^^^^^^^^ error unknown-kind: Missing kind: the API server cannot tell what object this is. Did you mean \"Service\"?",
      "metadata:",
      "  name: web",
      "spec:",
      "  ports:",
      "    - port: 80",
    ));
  });
  test("a kind without apiVersion is told the apiVersion that serves it", () => {
    check(lines(
      "kind: Service",
      "^^^^ error unknown-api-version: Missing apiVersion: a Service is served as \"v1\".",
      "metadata:",
      "  name: web",
    ));
  });
  test("a companion kind under a removed apiVersion names its replacement", () => {
    check(lines(
      "apiVersion: batch/v1beta1",
      "#           ^^^^^^^^^^^^^ error removed-api-version: CronJob in \"batch/v1beta1\" was removed in Kubernetes 1.25. Use \"batch/v1\".",
      "kind: CronJob",
      "metadata:",
      "  name: nightly",
    ));
  });
  test("a workload kind under the core apiVersion is told its group", () => {
    check(lines(
      "apiVersion: v1",
      "#           ^^ error unknown-api-version: There is no apiVersion \"v1\" for DaemonSet. Use \"apps/v1\".",
      "kind: DaemonSet",
      "metadata:",
      "  name: agent",
    ));
  });
  test("custom resources and kinds we do not model stay silent", () => {
    check(lines(
      "apiVersion: serving.knative.dev/v1",
      "kind: Service",
      "metadata:",
      "  name: hello",
      "---",
      "apiVersion: cert-manager.io/v1",
      "kind: certificate",
      "metadata:",
      "  name: tls",
      "---",
      "apiVersion: rbac.authorization.k8s.io/v1",
      "kind: Role",
      "metadata:",
      "  name: reader",
    ));
  });
});

describe('YAML that is not a manifest stays silent', () => {
  test('a workflow, a compose file and Helm values with a kind but no metadata or spec get nothing', () => {
    check(lines(
      "name: ci",
      "on: [push]",
      "jobs:",
      "  build:",
      "    runs-on: ubuntu-latest",
      "---",
      "services:",
      "  web:",
      "    image: nginx",
      "---",
      "kind: Deployment",
      "replicaCount: 2",
      "image:",
      "  repository: nginx",
    ));
  });
});

describe('the kinds beside workloads', () => {
  test("a Service gets enum and unknown-field findings from the model", () => {
    check(lines(
      "apiVersion: v1",
      "kind: Service",
      "metadata:",
      "  name: web",
      "spec:",
      "  type: NodePorts",
      "#       ^^^^^^^^^ error invalid-enum: Unsupported value \"NodePorts\" for type: supported values are \"ClusterIP\", \"ExternalName\", \"LoadBalancer\" and \"NodePort\".",
      "  ports:",
      "    - port: 80",
      "      targetPrt: 8080",
      "#     ^^^^^^^^^ error unknown-field: Unknown field \"targetPrt\" in ServicePort. Did you mean \"targetPort\"?",
    ));
  });
  test("a CronJob's pod template is checked by the pod-spec rules", () => {
    check(lines(
      "apiVersion: batch/v1",
      "kind: CronJob",
      "metadata:",
      "  name: backup",
      "spec:",
      "  schedule: \"0 3 * * *\"",
      "  jobTemplate:",
      "    spec:",
      "      template:",
      "        spec:",
      "          restartPolicy: OnFailure",
      "          containers:",
      "            - name: Backup_Job",
      "#                   ^^^^^^^^^^ error container-name: Invalid container name \"Backup_Job\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name' or '123-abc').",
      "              image: postgres:16",
    ));
  });
  test("a Pod's own labels and spec are checked", () => {
    check(lines(
      "apiVersion: v1",
      "kind: Pod",
      "metadata:",
      "  name: toolbox",
      "  labels:",
      "    app: -tools",
      "#        ^^^^^^ error invalid-label: Invalid label value \"-tools\" for \"app\": a label value must be empty or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName', 'my.name' or '123-abc').",
      "spec:",
      "  containers:",
      "    - name: shell",
      "      image: busybox",
      "      ports:",
      "        - containerPort: 70000",
      "#                        ^^^^^ error port-range: containerPort must be between 1 and 65535, inclusive, got 70000.",
    ));
  });
  test("an HPA gets type and required-field findings", () => {
    check(lines(
      "apiVersion: autoscaling/v2",
      "kind: HorizontalPodAutoscaler",
      "metadata:",
      "  name: web",
      "spec:",
      "^^^^ error missing-required: Missing required field \"scaleTargetRef\" in HorizontalPodAutoscalerSpec.",
      "  maxReplicas: \"5\"",
      "#              ^^^ error invalid-type: Expected an integer, got the string \"5\". Remove the quotes.",
    ));
  });
});
