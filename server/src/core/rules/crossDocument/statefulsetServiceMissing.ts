/**
 * statefulset-service-missing: a StatefulSet's serviceName names no headless Service in the file.
 *
 *     kind: StatefulSet
 *     spec:
 *       serviceName: db       # → No headless Service "db" in this file …
 *     ---
 *     kind: Service
 *     metadata: { name: db }
 *     spec: { clusterIP: None, … }
 *
 * The Service gives each pod its stable DNS name (`db-0.db`). A file without any Service
 * probably keeps it elsewhere, so that case is only Information; a Service of that name that is
 * not headless is a Warning of its own.
 *
 * Performance (issue #8): the rule runs over the whole file on every edit, so Services are
 * indexed by name; a StatefulSet looks at the Services of its serviceName only.
 */
import type { FileRule } from '../ruleTypes';
import { docFacts, sameNamespace, type ServiceFacts } from '../util/fileFacts';

export const statefulsetServiceMissing: FileRule = {
  id: 'statefulset-service-missing',
  scope: 'file',
  category: 'cross-document',
  defaultSeverity: 'warning',
  description: "A StatefulSet's serviceName should name a headless Service.",
  check(ctx) {
    // Services by name, each list in file order, so the first match is the one a scan would find.
    const byName = new Map<string | undefined, [number, ServiceFacts][]>();
    let serviceCount = 0;
    for (const slot of ctx.file.docs) {
      const f = docFacts(slot.parsed);
      if (f.type !== 'service') continue;
      serviceCount++;
      const list = byName.get(f.service.name);
      if (list) list.push([slot.index, f.service]);
      else byName.set(f.service.name, [[slot.index, f.service]]);
    }
    for (const slot of ctx.file.docs) {
      const f = docFacts(slot.parsed);
      if (f.type !== 'workload' || f.workload.kind !== 'StatefulSet' || slot.parsed.apiVersion !== 'apps/v1') continue;
      const { serviceName, serviceNameRange, namespace } = f.workload;
      if (!serviceName || !serviceNameRange) continue;
      const [start, end] = serviceNameRange;
      const match = byName.get(serviceName)?.find(([, s]) => s.name === serviceName && sameNamespace(s.namespace, namespace));
      if (!match) {
        const none = serviceCount === 0;
        ctx.report(slot.index, {
          start,
          end,
          severity: none ? 'info' : 'warning',
          message: none
            ? `No Service "${serviceName}" in this file: make sure a headless Service (clusterIP: None) of that name exists, or the pods get no stable DNS names.`
            : `No Service "${serviceName}" in this file: add a headless Service (clusterIP: None) of that name, or fix serviceName.`,
          data: { serviceName, servicesInFile: serviceCount },
        });
        continue;
      }
      const [docIndex, service] = match;
      if (service.headless) continue;
      const related = service.nameRange ? [{ docIndex, start: service.nameRange[0], end: service.nameRange[1], message: `Service "${serviceName}" is defined here.` }] : [];
      ctx.report(slot.index, {
        start,
        end,
        message: `Service "${serviceName}" is not headless: set clusterIP: None on it so each pod gets a stable DNS name.`,
        data: { serviceName, serviceDocIndex: docIndex },
        related,
      });
    }
  },
};
