/**
 * Workload files written the ways people write them, for the conversion and fix properties:
 * each layout is one way of writing the same workload (where spec and template sit, comments,
 * line breaks, flow style, the documents around it, a Service or claims beside it).
 */
import type { WorkloadKind } from '../../../server/src/core/parse/parseFile';

export interface Layout {
  readonly name: string;
  readonly specFirst?: boolean;
  readonly templateFirst?: boolean;
  readonly trailingComment?: boolean;
  readonly noFinalNewline?: boolean;
  readonly crlf?: boolean;
  readonly flow?: boolean;
  readonly separatorComments?: boolean;
  readonly before?: boolean;
  readonly after?: boolean;
  readonly service?: 'headless' | 'plain';
  readonly pvc?: boolean;
  readonly namespace?: boolean;
  readonly unindentedSeqs?: boolean;
}

export const LAYOUTS: readonly Layout[] = [
  { name: 'template last' },
  { name: 'spec first', specFirst: true },
  { name: 'template first', templateFirst: true },
  { name: 'trailing comments', trailingComment: true, after: true },
  { name: 'no final newline', noFinalNewline: true },
  { name: 'CRLF', crlf: true, after: true },
  { name: 'flow style', flow: true, after: true },
  { name: '--- with comments', separatorComments: true, before: true, after: true },
  { name: 'documents before and after', before: true, after: true },
  { name: 'headless Service present', service: 'headless', namespace: true },
  { name: 'non-headless Service present', service: 'plain', namespace: true, after: true },
  { name: 'PVC-backed volumes', pvc: true, namespace: true, after: true },
  { name: 'sequences not indented', unindentedSeqs: true, pvc: true },
  {
    name: 'everything at once',
    templateFirst: true,
    trailingComment: true,
    noFinalNewline: true,
    crlf: true,
    separatorComments: true,
    before: true,
    service: 'plain',
    pvc: true,
    namespace: true,
  },
];

const KIND_FIELDS: Record<WorkloadKind, string[]> = {
  Deployment: [
    'replicas: 3 # scaled by hand',
    'progressDeadlineSeconds: 600',
    'strategy:',
    '  type: RollingUpdate',
    '  rollingUpdate:',
    '    maxSurge: 25%',
    '    maxUnavailable: 0',
  ],
  StatefulSet: ['replicas: 2', 'serviceName: web', 'podManagementPolicy: Parallel', 'updateStrategy:', '  type: RollingUpdate', '  rollingUpdate:', '    partition: 0'],
  DaemonSet: ['updateStrategy:', '  type: RollingUpdate', '  rollingUpdate:', '    maxUnavailable: 1'],
  ReplicaSet: ['replicas: 2', 'minReadySeconds: 5'],
};

const FLOW_FIELDS: Record<WorkloadKind, string[]> = {
  Deployment: ['replicas: 3', 'strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}}'],
  StatefulSet: ['replicas: 2', 'serviceName: web', 'updateStrategy: {type: OnDelete}'],
  DaemonSet: ['updateStrategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: 1}}'],
  ReplicaSet: ['replicas: 2'],
};

/** The workload file of a kind in a layout; the workload's document index is `docIndex`. */
export function layoutText(kind: WorkloadKind, layout: Layout): { text: string; docIndex: number } {
  const eol = layout.crlf ? '\r\n' : '\n';
  const dash = layout.unindentedSeqs ? '' : '  ';
  const ns = layout.namespace ? ['  namespace: shop'] : [];
  const indent = (ls: string[], by: string) => ls.map((l) => by + l);
  const own = (layout.flow ? FLOW_FIELDS : KIND_FIELDS)[kind];
  const claim = layout.pvc && kind !== 'StatefulSet';
  const mounts = layout.pvc ? [`${dash}  volumeMounts:`, `${dash}    - name: data`, `${dash}      mountPath: /data`] : [];
  const container = layout.flow
    ? [`${dash}- {name: web, image: "nginx:1.27", ports: [{name: http, containerPort: 80}]${layout.pvc ? ', volumeMounts: [{name: data, mountPath: /data}]' : ''}}`]
    : [`${dash}- name: web # the server`, `${dash}  image: nginx:1.27`, `${dash}  ports:`, `${dash}    - name: http`, `${dash}      containerPort: 80`, ...mounts];
  const volumes = claim ? ['volumes:', `${dash}- name: data`, `${dash}  persistentVolumeClaim:`, `${dash}    claimName: web-data`] : [];
  const template = layout.flow
    ? ['template:', '  metadata: {labels: {app: web}}', '  spec:', '    containers:', ...indent(container, '    '), ...indent(volumes, '    ')]
    : ['template:', '  metadata:', '    labels:', '      app: web', '  spec:', '    # one container', '    containers:', ...indent(container, '    '), ...indent(volumes, '    ')];
  const selector = layout.flow ? ['selector: {matchLabels: {app: web}}'] : ['selector:', '  matchLabels:', '    app: web'];
  const claimTemplates =
    layout.pvc && kind === 'StatefulSet'
      ? ['volumeClaimTemplates:', `${dash}- metadata:`, `${dash}    name: data`, `${dash}  spec:`, `${dash}    accessModes: [ReadWriteOnce]`, `${dash}    resources:`, `${dash}      requests:`, `${dash}        storage: 2Gi`]
      : [];
  const specBody = layout.templateFirst ? [...template, ...own, ...selector, ...claimTemplates] : [...own, ...selector, ...template, ...claimTemplates];
  const spec = ['spec:', ...indent(specBody, '  ')];
  const head = ['apiVersion: apps/v1', `kind: ${kind}`, 'metadata:', '  name: web', ...ns, '  labels:', '    app: web'];
  const workload = layout.specFirst ? [...spec, ...head] : [...head, ...spec];
  if (layout.trailingComment) workload.push('# end of the workload', '');
  const docs: string[][] = [];
  const sep = layout.separatorComments ? '--- # next object' : '---';
  if (layout.before) docs.push(['# configuration first', 'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: web-config', ...ns, 'data: {mode: prod}']);
  const docIndex = docs.length;
  docs.push(workload);
  if (layout.service || kind === 'StatefulSet') docs.push(serviceDoc(layout, ns, kind));
  if (layout.pvc && kind !== 'StatefulSet') {
    docs.push(['apiVersion: v1', 'kind: PersistentVolumeClaim', 'metadata:', '  name: web-data', ...ns, 'spec:', '  accessModes: [ReadWriteOnce]', '  resources: {requests: {storage: 5Gi}}']);
  }
  if (layout.after) docs.push(['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: web-extra', ...ns, 'data: {a: "1"} # after']);
  const parts = docs.map((d, i) => (i === 0 ? d : [sep, ...(layout.separatorComments ? ['# the next one'] : []), ...d]).join(eol));
  const text = parts.join(eol) + (layout.noFinalNewline ? '' : eol);
  return { text, docIndex };
}

/** A Service selecting the pods: the StatefulSet's own headless one, or the layout's. */
function serviceDoc(layout: Layout, ns: string[], kind: WorkloadKind): string[] {
  const headless = layout.service !== 'plain' || kind === 'StatefulSet';
  const name = kind === 'StatefulSet' ? 'web' : 'web';
  return [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    `  name: ${name}`,
    ...ns,
    'spec:',
    ...(headless ? ['  clusterIP: None'] : []),
    '  selector:',
    '    app: web',
    '  ports:',
    '    - name: http',
    '      port: 80',
    '      targetPort: http',
  ];
}

/** Faults a person makes, each fixed by a quick-fix: the layout with one of them injected. */
export const FAULTS: readonly { name: string; apply: (text: string) => string }[] = [
  { name: 'misspelt key', apply: (t) => t.replace(/^(\s*)selector:/m, '$1selectr:') },
  { name: 'missing image', apply: (t) => t.replace(/^[ \t]*image: nginx:1\.27\r?\n/m, '') },
  { name: 'empty image with an anchor', apply: (t) => t.replace(/image: nginx:1\.27/, 'image: &img') },
  { name: 'restartPolicy Never', apply: (t) => t.replace(/^(\s*)(# one container|containers:)/m, (m, sp: string) => `${sp}restartPolicy: Never${eolOf(t)}${m}`) },
  { name: 'labels that the selector does not match', apply: (t) => t.replace(/^(\s+)labels:(\r?\n\s+)app: web(\r?\n\s+spec:)/m, '$1labels:$2app: other$3') },
  { name: 'removed apiVersion', apply: (t) => t.replace('apiVersion: apps/v1', 'apiVersion: extensions/v1beta1') },
  { name: 'invalid enum', apply: (t) => t.replace(/^(\s*)image: nginx:1\.27/m, (m, sp: string) => `${m}${eolOf(t)}${sp}imagePullPolicy: always`) },
];

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}
