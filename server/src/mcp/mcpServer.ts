/**
 * `kube-workloads mcp [--root dir]`: the checker for coding agents, over the Model Context
 * Protocol on stdio. Four tools — check, explain, fix, convert — answer from the same core as the
 * language server (agentTools.ts); files are read only under the root (rootFiles.ts), and nothing
 * is ever written: `fix` and `convert` answer with the new text.
 *
 * Its own bundle (dist/mcp.js), loaded by the CLI only for this subcommand, so `check` starts as
 * fast as before.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { KUBERNETES_VERSIONS, normalizeSettings, type Settings } from '../core/settings/settings';
import { WORKLOAD_KINDS } from '../core/parse/parseFile';
import { AgentInputError } from './agentInputError';
import { check, convert, explainAt, explainField, fix } from './agentTools';
import { readUnderRoot } from './rootFiles';

const settingsShape = z
  .object({
    kubernetesVersion: z.enum(KUBERNETES_VERSIONS).optional(),
    preset: z.string().optional(),
    rules: z.record(z.string(), z.enum(['off', 'hint', 'info', 'warning', 'error'])).optional(),
  })
  .optional()
  .describe('The kubeWorkloads settings: kubernetesVersion (default 1.36), preset (recommended, strict, api-only), rules (rule id → severity or off).');

const source = {
  path: z.string().optional().describe('A YAML file, relative to the server\'s root folder (only files under it are read).'),
  text: z.string().optional().describe('The YAML text itself (instead of path).'),
};

interface Input {
  readonly path?: string | undefined;
  readonly text?: string | undefined;
  readonly settings?: unknown;
}

export function createMcpServer(root: string, defaults: Record<string, unknown> = {}): McpServer {
  const server = new McpServer({ name: 'kube-workloads', version: CLI_VERSION });
  const docsBase = pathToFileURL(path.join(__dirname, '..', 'docs', 'rules') + path.sep).href;
  const settingsOf = (input: Input): Settings => normalizeSettings({ ...defaults, ...(input.settings as object | undefined) });
  const textOf = (input: Input, settings: Settings): string => {
    if ((input.path === undefined) === (input.text === undefined)) throw new AgentInputError('Give either "path" or "text".');
    return input.text ?? readUnderRoot(root, input.path!, settings.maxFileSize);
  };

  server.registerTool(
    'check',
    {
      title: 'Check Kubernetes workload manifests',
      description: 'Checks YAML (Deployment, StatefulSet, DaemonSet, ReplicaSet and the objects beside them) as the Kubernetes API server and best practice would. Answers the findings as JSON: index, rule id, severity, range (0-based LSP line/character), message, available fixes (titles) and the rule page. Severity error means the API server rejects it.',
      inputSchema: { ...source, settings: settingsShape },
      annotations: { readOnlyHint: true },
    },
    (input) =>
      answer(() => {
        const settings = settingsOf(input);
        return json({ findings: check(textOf(input, settings), settings, docsBase) });
      }),
  );

  server.registerTool(
    'explain',
    {
      title: 'Explain a field of a workload',
      description: 'The documentation an editor shows on hover, as Markdown: for a field path of a kind (kind + field, e.g. Deployment and spec.template.spec.containers[0].livenessProbe), or at a 0-based line and character of YAML text or a file.',
      inputSchema: {
        kind: z.enum(WORKLOAD_KINDS).optional().describe('With field: the workload kind the path belongs to.'),
        field: z.string().optional().describe('A field path, e.g. spec.strategy.rollingUpdate.maxSurge; "kind" gives the kind card.'),
        ...source,
        line: z.number().int().min(0).optional().describe('With text or path: the 0-based line.'),
        character: z.number().int().min(0).optional().describe('With text or path: the 0-based character in the line.'),
        settings: settingsShape,
      },
      annotations: { readOnlyHint: true },
    },
    (input) =>
      answer(() => {
        const settings = settingsOf(input);
        let markdown: string | undefined;
        if (input.field !== undefined) {
          if (!input.kind) throw new AgentInputError('With "field", give "kind" too (Deployment, StatefulSet, DaemonSet or ReplicaSet).');
          markdown = explainField(input.kind, input.field, settings, docsBase);
        } else {
          if (input.line === undefined || input.character === undefined) throw new AgentInputError('Give "kind" and "field", or "line" and "character" with "text" or "path".');
          markdown = explainAt(textOf(input, settings), settings, docsBase, { line: input.line, character: input.character });
        }
        return { content: [{ type: 'text', text: markdown ?? 'Nothing to explain there: no workload field, value or kind at that place.' }] };
      }),
  );

  server.registerTool(
    'fix',
    {
      title: 'Apply fixes',
      description: 'Applies one finding\'s fix (finding = its index from check for the same text and settings; title picks one of its fixes, else the preferred one) or every safe fix (all: true). Answers the new text, what was applied and what is still reported (rule id → count). Writes nothing.',
      inputSchema: {
        ...source,
        finding: z.number().int().min(0).optional(),
        title: z.string().optional(),
        all: z.boolean().optional(),
        settings: settingsShape,
      },
      annotations: { readOnlyHint: true },
    },
    (input) =>
      answer(() => {
        const settings = settingsOf(input);
        return json(fix(textOf(input, settings), settings, docsBase, { finding: input.finding, title: input.title, all: input.all }));
      }),
  );

  server.registerTool(
    'convert',
    {
      title: 'Convert a workload to another kind',
      description: 'Converts a workload (the first one, or the 0-based document index) to Deployment, StatefulSet, DaemonSet or ReplicaSet with minimal edits that keep comments. Answers the new text, what was dropped and notes (e.g. a headless Service added). Writes nothing.',
      inputSchema: {
        ...source,
        targetKind: z.enum(WORKLOAD_KINDS),
        document: z.number().int().min(0).optional(),
        settings: settingsShape,
      },
      annotations: { readOnlyHint: true },
    },
    (input) =>
      answer(() => {
        const settings = settingsOf(input);
        return json(convert(textOf(input, settings), settings, input.targetKind, input.document));
      }),
  );
  return server;
}

function json(value: unknown): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(value) }] };
}

/** A request the tools cannot answer is a tool error saying why; anything else is our bug, reported as one. */
function answer(run: () => CallToolResult): CallToolResult {
  try {
    return run();
  } catch (error) {
    const message = error instanceof AgentInputError ? error.message : `kube-workloads failed: ${error instanceof Error ? error.message : String(error)}`;
    return { isError: true, content: [{ type: 'text', text: message }] };
  }
}

const USAGE = 'Usage: kube-workloads mcp [--root <folder>] [--kubernetes-version 1.xx] (the Model Context Protocol on stdio)';

/** Starts the server on stdio; answers 2 on a usage error, otherwise runs until stdin closes. */
export async function runMcp(argv: readonly string[], err: (s: string) => void): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    err(`${USAGE}\n`);
    return 0;
  }
  let root = process.cwd();
  const defaults: Record<string, unknown> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.split('=', 2) as [string, string | undefined];
    const value = inline ?? argv[++i];
    if (flag === '--root' && value) root = path.resolve(value);
    else if (flag === '--kubernetes-version' && value && (KUBERNETES_VERSIONS as readonly string[]).includes(value)) defaults['kubernetesVersion'] = value;
    else {
      err(`kube-workloads mcp: unknown option, or a missing or wrong value: "${arg}"${value && !inline ? ` "${value}"` : ''}.\n${USAGE}\n`);
      return 2;
    }
  }
  // Nothing but the protocol may reach stdout.
  console.log = console.info = (...args: unknown[]) => err(`${args.map(String).join(' ')}\n`);
  await createMcpServer(root, defaults).connect(new StdioServerTransport());
  return 0;
}

declare const CLI_VERSION: string;
