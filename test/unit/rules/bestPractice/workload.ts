/**
 * Builders for best-practice test manifests: a Deployment whose pod spec and first container
 * are given line by line, so the annotation columns in the tests stay readable.
 */
import { lines } from '../../../support/text';

/** A Deployment with the given pod-spec lines (indented by four spaces in the result). */
export function podSpec(...specLines: string[]): string {
  return lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    'spec:',
    '  selector:',
    '    matchLabels: {app: web}',
    '  template:',
    '    metadata:',
    '      labels: {app: web}',
    '    spec:',
    ...specLines,
  );
}

/** The lines of a container that every best-practice rule accepts, named `web`. */
export const GOOD_CONTAINER: readonly string[] = [
  '      - name: web',
  '        image: nginx:1.27.3',
  '        resources:',
  '          requests: {cpu: 100m, memory: 128Mi}',
  '          limits: {memory: 256Mi}',
  '        securityContext:',
  '          runAsNonRoot: true',
  '          allowPrivilegeEscalation: false',
  '          readOnlyRootFilesystem: true',
  '          capabilities: {drop: [ALL]}',
];

/** A Deployment whose only container is GOOD_CONTAINER plus `extra` lines (8-space indent). */
export function container(...extra: string[]): string {
  return podSpec('      containers:', ...GOOD_CONTAINER, ...extra);
}
