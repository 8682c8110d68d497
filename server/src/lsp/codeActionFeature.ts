/**
 * textDocument/codeAction and codeAction/resolve: quick-fixes, "Convert to <Kind>" (edits on
 * resolve when the client can resolve them) and the fix-all source action.
 */
import { CodeActionKind, type ClientCapabilities, type CodeAction } from 'vscode-languageserver';
import {
  FIX_ALL_KIND,
  conversionActions,
  fixAll,
  isConvertActionData,
  quickFixes,
  resolveConversion,
} from '../core/features/codeActions';
import { computeDiagnostics, withFixData } from '../core/features/diagnostics';
import { INSERT_DEFAULTS_KIND, insertDefaultsActions } from '../core/features/defaultActions';
import type { FeatureRegistration } from './serverHost';
import { ContentModifiedError, documentUri, InvalidParamsError, range } from './params';
import { ConversionError } from '../core/convert/convertWorkload';

function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

export function createCodeActionFeature(): FeatureRegistration {
  let lazyEdits = false;
  return {
    capabilities(client: ClientCapabilities) {
      lazyEdits = !!client.textDocument?.codeAction?.resolveSupport?.properties.includes('edit');
      return {
        codeActionProvider: {
          codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, INSERT_DEFAULTS_KIND, FIX_ALL_KIND],
          resolveProvider: true,
        },
      };
    },
    register(host) {
      host.connection.onCodeAction((params) =>
        host.guard('codeAction', async () => {
          const at = range(params.range);
          if (!Array.isArray((params.context as { diagnostics?: unknown } | undefined)?.diagnostics)) throw new InvalidParamsError('context.diagnostics must be a list');
          const request = await host.request(documentUri(params));
          if (!request || request.file.tooLarge) return [];
          const { file, document, context } = request;
          const only = params.context.only;
          const actions: CodeAction[] = [];
          if (wants(only, CodeActionKind.QuickFix) && params.context.diagnostics.length > 0) {
            // Published diagnostics carry no `data`; the current analysis (memoised) has it.
            const current = computeDiagnostics(file, context.settings, { docsBase: context.docsBase });
            actions.push(...quickFixes(file, withFixData(params.context.diagnostics, current)));
          }
          if (wants(only, CodeActionKind.RefactorRewrite)) {
            const listed = conversionActions(file, document.offsetAt(at.start));
            actions.push(...(lazyEdits ? listed : listed.map((a) => resolveConversion(file, a, a.data as never))));
          }
          if (wants(only, INSERT_DEFAULTS_KIND)) actions.push(...insertDefaultsActions(file, document.offsetAt(at.start), context.settings));
          if (only && wants(only, FIX_ALL_KIND)) {
            const edits = fixAll(file, context.settings);
            if (edits.length) actions.push({ title: 'Fix all auto-fixable Kubernetes problems', kind: FIX_ALL_KIND, edit: { changes: { [document.uri]: edits } } });
          }
          return actions;
        }),
      );
      host.connection.onCodeActionResolve((action) =>
        host.guard('codeAction/resolve', async () => {
          if (typeof (action as Partial<CodeAction> | null)?.title !== 'string') throw new InvalidParamsError('the code action must be an object with a title');
          const data: unknown = action.data;
          if (!isConvertActionData(data)) return action;
          const request = await host.request(data.uri);
          // Offered for a version of the document that is gone (edited or closed since).
          if (!request || request.document.version !== data.version) throw new ContentModifiedError(`${data.uri} changed since the action was offered`);
          try {
            return resolveConversion(request.file, action, data);
          } catch (error) {
            // The same version cannot convert: the action was not one we offered.
            if (error instanceof ConversionError) throw new InvalidParamsError(error.message);
            throw error;
          }
        }),
      );
    },
  };
}
