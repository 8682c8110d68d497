/**
 * ingress-spec: an Ingress's spec (pkg/apis/networking/validation, networking.k8s.io/v1).
 *
 *     rules:
 *       - host: https://shop.example.com    # → Invalid host "https://shop.example.com": …
 *         http:
 *           paths:
 *             - path: /api//v1              # → Invalid path "/api//v1": must not contain '//'.
 *               pathType: Prefix
 *               backend:
 *                 service: { name: api }    # → A service backend needs port.number or port.name.
 *
 * Hosts are DNS names (a wildcard only as the first label), never IP addresses; an http rule
 * needs paths; Exact and Prefix paths are absolute and free of '//', '/./', '/../' and encoded
 * slashes; each backend names a service or a resource, not both; a service backend names its
 * port (a number 1–65535 or a name) and is a DNS label; ingressClassName is a DNS subdomain and
 * agrees with the kubernetes.io/ingress.class annotation.
 */
import type { RuleContext } from '../ruleTypes';
import type { YamlPath } from '../../parse/navigate';
import { apiServerRule, pathToString, reportAt } from '../util/defineRule';
import { asSeq, child, childAt, isTemplated, jsonValue, mapItems, pairIn, stringAt } from '../util/nodes';
import { dnsLabelProblem, dnsSubdomainProblem, portNameProblem } from '../util/names';
import { isIP } from './ipAddress';

const CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

export const ingressSpec = apiServerRule({
  id: 'ingress-spec',
  kinds: ['Ingress'],
  description: 'Ingress hosts, paths, backends and class as the API server validates them.',
  check(ctx) {
    const root = ctx.doc.doc.contents;
    const spec = child(root, 'spec');
    if (!spec || isTemplated(ctx.doc, spec)) return;
    checkClass(ctx, spec, childAt(root, 'metadata', 'annotations'));
    const defaultPair = pairIn(spec, 'defaultBackend');
    if (defaultPair?.value) checkBackend(ctx, defaultPair.value, defaultPair.key, ['spec', 'defaultBackend']);
    for (const { index, map } of mapItems(child(spec, 'rules'))) {
      const path: YamlPath = ['spec', 'rules', index];
      checkHost(ctx, child(map, 'host'), pathToString([...path, 'host']));
      const httpPair = pairIn(map, 'http');
      if (!httpPair?.value || jsonValue(httpPair.value) === null) continue;
      const pathsPair = pairIn(httpPair.value, 'paths');
      if ((asSeq(pathsPair?.value)?.items.length ?? 0) === 0 && !isTemplated(ctx.doc, pathsPair?.value)) {
        reportAt(ctx, pathsPair?.key ?? httpPair.key, 'An http rule needs at least one path.', { data: { path: pathToString([...path, 'http', 'paths']), need: 'a path' } });
      }
      for (const item of mapItems(pathsPair?.value)) {
        const at: YamlPath = [...path, 'http', 'paths', item.index];
        checkPath(ctx, item.map, at);
        const backend = pairIn(item.map, 'backend');
        if (backend?.value) checkBackend(ctx, backend.value, backend.key, [...at, 'backend']);
        else if (!backend) reportAt(ctx, item.map.items[0]?.key, 'A path needs a backend.', { data: { path: pathToString([...at, 'backend']), need: 'backend' } });
      }
    }
  },
});

function checkClass(ctx: RuleContext, spec: unknown, annotations: unknown): void {
  const node = child(spec, 'ingressClassName');
  const name = jsonValue(node);
  if (typeof name !== 'string' || isTemplated(ctx.doc, node)) return;
  const problem = dnsSubdomainProblem(name);
  if (problem) reportAt(ctx, node, `Invalid ingressClassName "${name}": ${problem}.`, { data: { path: 'spec.ingressClassName', value: name } });
  const annotation = stringAt(ctx.doc, annotations, CLASS_ANNOTATION);
  if (annotation !== undefined && annotation !== name) {
    reportAt(ctx, pairIn(annotations, CLASS_ANNOTATION)?.value, `The ${CLASS_ANNOTATION} annotation "${annotation}" must match ingressClassName "${name}" when both are set (the annotation is deprecated: keep ingressClassName).`, {
      data: { path: `metadata.annotations.${CLASS_ANNOTATION}`, value: annotation },
    });
  }
}

function checkHost(ctx: RuleContext, node: unknown, path: string): void {
  const host = jsonValue(node);
  if (typeof host !== 'string' || host === '' || isTemplated(ctx.doc, node)) return;
  let problem: string | undefined;
  if (isIP(host)) problem = 'must be a DNS name, not an IP address';
  else if (host.includes('*')) problem = host.startsWith('*.') && !host.slice(2).includes('*') ? dnsSubdomainProblem(host.slice(2)) : "a wildcard host must start with '*.' followed by a DNS name, with no other '*'";
  else problem = dnsSubdomainProblem(host);
  if (problem) reportAt(ctx, node as never, `Invalid host "${host}": ${problem}.`, { data: { path, value: host } });
}

const BAD_SEGMENTS = ['//', '/./', '/../', '%2f', '%2F'];

function checkPath(ctx: RuleContext, map: unknown, at: YamlPath): void {
  const node = child(map, 'path');
  const path = jsonValue(node);
  const type = stringAt(ctx.doc, map, 'pathType');
  if (typeof path !== 'string' || isTemplated(ctx.doc, node) || (type !== 'Exact' && type !== 'Prefix')) return;
  const bad = BAD_SEGMENTS.find((s) => path.includes(s)) ?? (path.endsWith('/..') ? '/..' : path.endsWith('/.') ? '/.' : undefined);
  const problem = !path.startsWith('/') ? 'must be an absolute path (start with "/")' : bad ? `must not contain '${bad}'` : undefined;
  if (problem) reportAt(ctx, node, `Invalid path "${path}": ${problem}.`, { data: { path: pathToString([...at, 'path']), value: path } });
}

function checkBackend(ctx: RuleContext, backend: unknown, key: unknown, at: YamlPath): void {
  if (isTemplated(ctx.doc, backend)) return;
  const service = child(backend, 'service');
  const resource = child(backend, 'resource');
  const anchor = key as never;
  if (service && resource) {
    reportAt(ctx, anchor, 'A backend names a service or a resource, not both.', { data: { path: pathToString(at) } });
    return;
  }
  if (!service && !resource) {
    reportAt(ctx, anchor, 'A backend needs a service (name and port) or a resource.', { data: { path: pathToString(at), need: 'service' } });
    return;
  }
  if (!service) return;
  const nameNode = child(service, 'name');
  const name = jsonValue(nameNode);
  if (typeof name === 'string' && !isTemplated(ctx.doc, nameNode)) {
    const problem = name.includes('.') ? 'must not contain dots (name the Service, not its DNS name)' : dnsLabelProblem(name);
    if (problem) reportAt(ctx, nameNode, `Invalid service name "${name}": ${problem}.`, { data: { path: pathToString([...at, 'service', 'name']), value: name } });
  }
  const port = child(service, 'port');
  if (isTemplated(ctx.doc, port)) return;
  const number = jsonValue(child(port, 'number'));
  const portName = jsonValue(child(port, 'name'));
  const hasNumber = typeof number === 'number' && number !== 0;
  const hasName = typeof portName === 'string' && portName !== '';
  if (!hasNumber && !hasName) {
    reportAt(ctx, anchor, 'A service backend needs port.number or port.name.', { data: { path: pathToString([...at, 'service', 'port']), need: 'port' } });
  } else if (hasNumber && hasName) {
    reportAt(ctx, child(port, 'name'), 'A service backend port takes a number or a name, not both.', { data: { path: pathToString([...at, 'service', 'port']) } });
  } else if (hasNumber && (number < 1 || number > 65535)) {
    reportAt(ctx, child(port, 'number'), `port.number must be between 1 and 65535, inclusive, got ${number}.`, { data: { path: pathToString([...at, 'service', 'port', 'number']), value: number } });
  } else if (hasName) {
    const problem = portNameProblem(portName);
    if (problem) reportAt(ctx, child(port, 'name'), `Invalid port name "${portName}": ${problem}.`, { data: { path: pathToString([...at, 'service', 'port', 'name']), value: portName } });
  }
}
