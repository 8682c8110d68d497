/**
 * Deterministic multi-document manifests for the benchmark and the fuzzer.
 *
 * A seeded PRNG picks the kind, the number of containers, which optional blocks appear and
 * where the few deliberate errors go, so the same (count, seed) always gives the same text and
 * benchmark runs are comparable. Each workload document is 40–120 lines; roughly one in four
 * workloads is followed by a Service, and comments are sprinkled the way people write them.
 */

/** mulberry32: small, fast and good enough to make test data; never for anything secret. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

export function int(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

const KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'] as const;
const IMAGES = ['nginx:1.27.2', 'redis:7.4', 'postgres:16.4', 'ghcr.io/acme/api:2.3.1', 'busybox:1.36', 'envoyproxy/envoy:v1.31.0'];
const WORDS = ['web', 'api', 'cache', 'db', 'worker', 'gateway', 'auth', 'billing', 'search', 'queue'];

/** Generates `count` workload documents (plus Services) as one file. */
export function generateManifest(count: number, seed = 1): string {
  const random = prng(seed);
  const out: string[] = ['# Generated benchmark bundle: do not edit by hand.'];
  for (let i = 0; i < count; i++) {
    if (i > 0 || random() < 0.5) out.push('---');
    const lines = workload(random, i);
    out.push(...lines);
    // A StatefulSet needs its headless Service; about one other workload in four has a Service.
    const stateful = lines[1] === 'kind: StatefulSet';
    if (stateful || random() < 0.25) out.push('---', ...service(random, lines[3]!.slice('  name: '.length), lines[4]!, stateful));
  }
  return out.join('\n') + '\n';
}

/** One workload document of 40–120 lines. */
export function workload(random: Random, i: number): string[] {
  const kind = pick(random, KINDS);
  const name = `${pick(random, WORDS)}-${i}`;
  const lines = [
    'apiVersion: apps/v1',
    `kind: ${kind}`,
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${pick(random, ['default', 'prod', 'staging'])}`,
    '  labels:',
    `    app: ${name}`,
    '    app.kubernetes.io/part-of: bench',
  ];
  if (random() < 0.3) lines.push('  annotations:', `    deployment.kubernetes.io/revision: "${int(random, 1, 40)}"`);
  lines.push('spec:');
  if (kind !== 'DaemonSet') lines.push(`  replicas: ${int(random, 1, 5)}`);
  if (kind === 'StatefulSet') lines.push(`  serviceName: ${name}`);
  lines.push(...updateStrategy(kind));
  lines.push('  selector:', '    matchLabels:', `      app: ${name}`, '  template:', '    metadata:', '      labels:', `        app: ${name}`);
  lines.push('    spec:', `      serviceAccountName: ${name}`, '      terminationGracePeriodSeconds: 30');
  if (kind !== 'DaemonSet') lines.push(...spread(name));
  lines.push('      nodeSelector:', '        kubernetes.io/os: linux', '      # Containers share the pod network namespace.', '      containers:');
  const containers = int(random, 1, 3);
  // Stop adding containers past 72 lines so that no document exceeds 120.
  const withVolume = random() < 0.4;
  for (let c = 0; c < containers && (c === 0 || lines.length <= 72); c++) lines.push(...container(random, `${name}-${c}`, withVolume));
  if (withVolume) lines.push('      volumes:', '        - name: data', '          emptyDir: {}');
  return injectError(random, lines);
}

function spread(name: string): string[] {
  return [
    '      topologySpreadConstraints:',
    '        - maxSkew: 1',
    '          topologyKey: kubernetes.io/hostname',
    '          whenUnsatisfiable: ScheduleAnyway',
    '          labelSelector:',
    `            matchLabels: {app: ${name}}`,
  ];
}

function updateStrategy(kind: (typeof KINDS)[number]): string[] {
  if (kind === 'Deployment') {
    return ['  strategy:', '    type: RollingUpdate', '    rollingUpdate:', '      maxSurge: 25%', '      maxUnavailable: 0'];
  }
  if (kind === 'ReplicaSet') return ['  minReadySeconds: 5'];
  return ['  updateStrategy:', '    type: RollingUpdate'];
}

/** A container as a careful team writes it; one in twenty lacks its probes (a best-practice finding). */
function container(random: Random, name: string, withVolume: boolean): string[] {
  const port = int(random, 80, 9000);
  const lines = [
    `        - name: ${name}`,
    `          image: ${pick(random, IMAGES)}`,
    '          imagePullPolicy: IfNotPresent',
    '          ports:',
    `            - containerPort: ${port}`,
    '              protocol: TCP',
  ];
  if (random() < 0.7) {
    lines.push('          env:');
    for (let e = int(random, 1, 4); e > 0; e--) lines.push(`            - name: VAR_${e}`, `              value: "${pick(random, WORDS)}"`);
  }
  lines.push(
    '          resources:',
    '            requests:',
    `              cpu: ${int(random, 50, 500)}m`,
    `              memory: ${int(random, 64, 512)}Mi`,
    '            limits:',
    `              memory: ${int(random, 512, 2048)}Mi`,
  );
  if (random() < 0.95) {
    lines.push('          readinessProbe:', '            httpGet:', '              path: /healthz', `              port: ${port}`, '            periodSeconds: 10');
    lines.push('          livenessProbe:', '            tcpSocket:', `              port: ${port}`, '            initialDelaySeconds: 15');
  }
  if (withVolume) lines.push('          volumeMounts:', '            - name: data', '              mountPath: /var/lib/data');
  lines.push('          securityContext:', '            runAsNonRoot: true', '            allowPrivilegeEscalation: false', '            readOnlyRootFilesystem: true');
  lines.push('            capabilities:', '              drop: [ALL]');
  return lines;
}

/** About one document in twenty gets a mistake people make: a typo, a wrong type, bad indentation. */
function injectError(random: Random, lines: string[]): string[] {
  const r = random();
  if (r < 0.02) lines.splice(10, 0, '  replicass: 2');
  else if (r < 0.035) lines.push('  minReadySeconds: "ten"');
  else if (r < 0.05) lines.splice(5, 0, ' labelz: {broken: yes}');
  return lines;
}

/** A Service in front of the workload named `name`, in its namespace line. */
function service(random: Random, name: string, namespaceLine: string, headless: boolean): string[] {
  return [
    '# Exposes the workload above inside the cluster.',
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    `  name: ${name}`,
    namespaceLine,
    'spec:',
    ...(headless ? ['  clusterIP: None'] : []),
    '  selector:',
    `    app: ${name}`,
    '  ports:',
    `    - port: ${int(random, 80, 9000)}`,
    `      targetPort: ${int(random, 80, 9000)}`,
  ];
}
