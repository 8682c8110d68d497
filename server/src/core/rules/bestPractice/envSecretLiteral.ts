/**
 * env-secret-literal: a secret-looking variable with its value written into the manifest ends
 * up in Git, in `kubectl get -o yaml` and in every backup. Reference a Secret instead.
 *
 *     env:
 *       - name: DB_PASSWORD
 *         value: hunter2         # ← … DB_PASSWORD holds a literal value
 *   after:
 *       - name: DB_PASSWORD
 *         valueFrom: { secretKeyRef: { name: db, key: password } }
 */
import { child, isTemplated, mapItems, nodeRange } from '../util/nodes';
import { containerData, containerRule, label, valueAt } from './util';

const SECRET_NAME = /(PASSW(OR)?D|PASSPHRASE|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIALS?|AUTH_?KEY|CLIENT_?SECRET)/i;
/** Names that hold where a secret is, not the secret. */
const NOT_A_SECRET = /(_FILE|_PATH|_DIR|_URL|_URI|_NAME|_ENDPOINT|_HOST|_PORT|_TTL|_EXPIRY|_TIMEOUT|_LENGTH|_ENABLED|_KEY_ID|_USER(NAME)?)$/i;

export function looksSecret(name: string): boolean {
  return SECRET_NAME.test(name) && !NOT_A_SECRET.test(name);
}

export const envSecretLiteral = containerRule({
  id: 'env-secret-literal',
  defaultSeverity: 'warning',
  description: 'Secret-looking environment variables should come from a Secret, not a literal value.',
  containers: 'all',
  check(ctx, c) {
    for (const { index, map } of mapItems(child(c.map, 'env'))) {
      const name = valueAt(ctx.doc, map, 'name');
      const valueNode = child(map, 'value');
      const value = valueAt(ctx.doc, map, 'value');
      if (typeof name !== 'string' || !looksSecret(name) || isTemplated(ctx.doc, valueNode)) continue;
      // Empty values and $(VAR) references carry no secret.
      if (value === null || value === undefined || String(value) === '' || /^\$\([A-Za-z_][\w.-]*\)$/.test(String(value))) continue;
      const range = nodeRange(valueNode);
      if (!range) continue;
      ctx.report({
        start: range[0],
        end: range[1],
        message: `${label(c)}: ${name} holds a literal value that looks secret: move it into a Secret and use valueFrom.secretKeyRef.`,
        data: containerData(c, { envName: name, envPath: [...c.path, 'env', index] }),
      });
    }
  },
});
