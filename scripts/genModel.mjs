#!/usr/bin/env node
// Generates server/src/core/model/k8sModel.json (format: server/src/core/model/modelTypes.ts)
// from the .d.ts files of the installed `kubernetes-types` and `kubernetes-models` packages.
//
//   node scripts/genModel.mjs          writes the model
//   node scripts/genModel.mjs --check  exits 1 when the checked-in model differs from a fresh one
//
// kubernetes-models (Kubernetes 1.36) is the primary source: it decides which types and fields
// exist, their order, their types, required-ness and enums, and it carries the legacy apiVersions.
// kubernetes-types (Kubernetes 1.30) supplies the baseline for `since` and fills descriptions that
// kubernetes-models lacks. See DESCRIPTION_POLICY below for why 1.36 text wins over 1.30 text.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT_FILE = path.join(REPO, 'server/src/core/model/k8sModel.json');
const NODE_MODULES = path.join(REPO, 'node_modules');

/** TypeScript 7 (the Go port) has no JS compiler API, so fail early with a useful message. */
function loadTypeScript() {
  let ts;
  try {
    ts = require('typescript');
  } catch {
    fail('typescript is not installed; run npm ci (the generator needs typescript@5.9.3).');
  }
  if (typeof ts.createProgram !== 'function') {
    fail(`typescript ${ts.version ?? '(unknown version)'} has no ts.createProgram (TypeScript 7 is a native port ` +
      'without the JS compiler API); install typescript@5.9.3.');
  }
  return ts;
}

function fail(message) {
  console.error(`genModel: ${message}`);
  process.exit(2);
}

const ts = loadTypeScript();

// ---------------------------------------------------------------------------------------------
// Sources
// ---------------------------------------------------------------------------------------------

/**
 * The four workload kinds, then the legacy group versions that kubernetes-models still ships for
 * them (hover explains what they were), then the kinds that sit beside workloads in real files, in
 * every group version the Kubernetes 1.36 API server serves them (autoscaling/v1 and /v2 for the
 * HorizontalPodAutoscaler). Removed versions of those are not modelled: removed-api-version
 * reports them without reading their fields.
 */
const ROOTS = [
  ['apps/v1', ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']],
  ['extensions/v1beta1', ['Deployment', 'DaemonSet', 'ReplicaSet']],
  ['apps/v1beta1', ['Deployment', 'StatefulSet']],
  ['apps/v1beta2', ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']],
  ['v1', ['Service', 'ConfigMap', 'Secret', 'ServiceAccount', 'PersistentVolumeClaim', 'Pod', 'Namespace']],
  ['batch/v1', ['Job', 'CronJob']],
  ['autoscaling/v2', ['HorizontalPodAutoscaler']],
  ['autoscaling/v1', ['HorizontalPodAutoscaler']],
  ['policy/v1', ['PodDisruptionBudget']],
  ['networking.k8s.io/v1', ['NetworkPolicy', 'Ingress']],
];
/** Group versions a current API server serves: their fields are dated against older snapshots. */
const CURRENT_ROOTS = ROOTS.filter(([gv]) => !/^(extensions\/v1beta1|apps\/v1beta[12])$/.test(gv));

/**
 * Older kubernetes-models releases used only to date fields newer than kubernetes-types 1.30.
 * Each entry is an npm alias devDependency; `kubernetes` is the schema version its CHANGELOG names.
 * A field first seen in one of them (or in the newest package) is dated to the minor right after the
 * newest older snapshot that lacks it, which is the earliest version the packages can prove.
 */
const SINCE_SNAPSHOTS = [
  { pkg: 'kubernetes-models-1-33', kubernetes: '1.33' },
];

/** kubernetes-models' CHANGELOG names the Kubernetes schema version of each release line. */
const MODELS_KUBERNETES = { '5.': '1.36', '4.5.': '1.33' };

function readPackageJson(name) {
  return JSON.parse(readFileSync(path.join(NODE_MODULES, name, 'package.json'), 'utf8'));
}

function modelsKubernetesVersion(version) {
  const prefix = Object.keys(MODELS_KUBERNETES).find((p) => version.startsWith(p));
  if (!prefix) fail(`unknown kubernetes-models version ${version}: add it to MODELS_KUBERNETES`);
  return MODELS_KUBERNETES[prefix];
}

// ---------------------------------------------------------------------------------------------
// Walking .d.ts files
// ---------------------------------------------------------------------------------------------

function createProgram(rootFiles) {
  const options = {
    noEmit: true,
    skipLibCheck: true,
    types: [],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
  };
  return ts.createProgram(rootFiles, options);
}

/** Maps a declaration in kubernetes-models (any version) to an id such as "apps.v1.DeploymentSpec". */
function modelsIdFor(decl) {
  const file = decl.getSourceFile().fileName.split(path.sep).join('/');
  const meta = /@kubernetes-models\/apimachinery\/(?:dist\/)?apis\/meta\/(v1)\/(\w+)\.d\.ts$/.exec(file);
  if (meta) return `meta.${meta[1]}.${meta[2]}`;
  const core = /kubernetes-models[^/]*\/(?:dist\/)?(v1)\/(\w+)\.d\.ts$/.exec(file);
  if (core) return `core.${core[1]}.${core[2]}`;
  const grouped = /kubernetes-models[^/]*\/(?:dist\/)?([\w.-]+)\/(v\w+)\/(\w+)\.d\.ts$/.exec(file);
  if (grouped) return `${grouped[1].split('.')[0]}.${grouped[2]}.${grouped[3]}`;
  return undefined;
}

/** Maps a declaration in kubernetes-types to an id: the file is "<group>/<version>.d.ts". */
function typesIdFor(decl) {
  const file = decl.getSourceFile().fileName.split(path.sep).join('/');
  const m = /kubernetes-types\/([\w.-]+)\/(v\w+)\.d\.ts$/.exec(file);
  return m && decl.name ? `${m[1]}.${m[2]}.${decl.name.text}` : undefined;
}

/** Aliases that keep their own meaning instead of being expanded to their underlying type. */
const SPECIAL_ALIASES = {
  IntOrString: 'IntOrString', IIntOrString: 'IntOrString',
  Quantity: 'Quantity', IQuantity: 'Quantity',
  Time: 'Time', ITime: 'Time', MicroTime: 'Time', IMicroTime: 'Time',
};
/** Interfaces that hold free-form JSON, so walking them would only produce an empty type. */
const FREE_FORM_INTERFACES = new Set(['FieldsV1', 'IFieldsV1', 'RawExtension', 'IRawExtension', 'JSON', 'IJSON']);

/**
 * Walks one package breadth-first from its root interfaces.
 * Returns { types: Map<id, {description, fields: Map<name, RawField>}>, roots: Map<key, id> }.
 */
function walkPackage(program, rootDecls, idFor) {
  const checker = program.getTypeChecker();
  const ctx = { checker, idFor, types: new Map(), queue: [], unresolved: [] };
  const roots = new Map();
  for (const [key, decl] of rootDecls) {
    roots.set(key, enqueue(ctx, idFor(decl), decl));
  }
  while (ctx.queue.length > 0) {
    const { id, decl } = ctx.queue.shift();
    ctx.types.set(id, readDeclaration(ctx, id, decl));
  }
  if (ctx.unresolved.length > 0) fail(`unresolved type references: ${ctx.unresolved.join(', ')}`);
  return { types: ctx.types, roots };
}

function enqueue(ctx, id, decl) {
  if (!id) fail(`cannot derive a type id for ${decl.getSourceFile().fileName}`);
  if (!ctx.types.has(id) && !ctx.queue.some((q) => q.id === id)) {
    ctx.types.set(id, undefined); // reserve the id so a cycle does not queue it twice
    ctx.queue.push({ id, decl });
  }
  return id;
}

function docOf(checker, symbol) {
  const text = ts.displayPartsToString(symbol?.getDocumentationComment(checker) ?? []);
  return text.split('\n').map((line) => line.trimEnd()).join('\n').trim();
}

/** Reads an interface or an inline type literal, including inherited members, in declared order. */
function readDeclaration(ctx, id, decl) {
  const { checker } = ctx;
  const symbol = ts.isInterfaceDeclaration(decl) ? checker.getSymbolAtLocation(decl.name) : undefined;
  const fields = new Map();
  for (const prop of checker.getPropertiesOfType(checker.getTypeAtLocation(decl))) {
    const member = prop.valueDeclaration;
    if (!member || !ts.isPropertySignature(member) || !member.type) continue;
    const converted = convertTypeNode(ctx, member.type, id, prop.name);
    fields.set(prop.name, {
      ...converted,
      required: !member.questionToken,
      description: docOf(checker, prop),
    });
  }
  return { description: symbol ? docOf(checker, symbol) : '', fields };
}

/**
 * Converts a property's type NODE (not the checker's resolved type, which erases aliases such as
 * Quantity) into a TypeExpr, plus `literals` when the node is a union of string literals.
 */
function convertTypeNode(ctx, node, ownerId, field) {
  if (ts.isParenthesizedTypeNode(node)) return convertTypeNode(ctx, node.type, ownerId, field);
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword: return { type: 'string' };
    case ts.SyntaxKind.NumberKeyword: return { type: 'integer' };
    case ts.SyntaxKind.BooleanKeyword: return { type: 'boolean' };
    case ts.SyntaxKind.AnyKeyword:
    case ts.SyntaxKind.UnknownKeyword:
    case ts.SyntaxKind.ObjectKeyword: return { type: 'object' };
  }
  if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) {
    return { type: 'string', literals: [node.literal.text] };
  }
  if (ts.isUnionTypeNode(node)) return convertUnion(ctx, node, ownerId, field);
  if (ts.isArrayTypeNode(node)) return wrap('array', convertTypeNode(ctx, node.elementType, ownerId, field));
  if (ts.isTypeLiteralNode(node)) return convertTypeLiteral(ctx, node, ownerId, field);
  if (ts.isTypeReferenceNode(node)) return convertReference(ctx, node, ownerId, field);
  ctx.unresolved.push(`${ownerId}.${field}: ${ts.SyntaxKind[node.kind]}`);
  return { type: 'object' };
}

/** `array:`/`map:` keep the literals of their items so enums on string arrays survive. */
function wrap(prefix, inner) {
  return { ...inner, type: `${prefix}:${inner.type}` };
}

/** A union of string literals is an enum; `number | string` is how kubernetes-types inlines IntOrString. */
function convertUnion(ctx, node, ownerId, field) {
  const parts = node.types.map((t) => convertTypeNode(ctx, t, ownerId, field));
  if (parts.every((p) => p.type === 'string' && p.literals)) {
    return { type: 'string', literals: parts.flatMap((p) => p.literals) };
  }
  const kinds = new Set(parts.map((p) => p.type));
  if (kinds.size === 2 && kinds.has('integer') && kinds.has('string')) return { type: 'IntOrString' };
  if (kinds.size === 1) return { type: parts[0].type };
  ctx.unresolved.push(`${ownerId}.${field}: union of ${[...kinds].join(', ')}`);
  return { type: 'object' };
}

/** `{[key: string]: T}` is a map; any other inline literal becomes the synthetic type `<owner>.<field>`. */
function convertTypeLiteral(ctx, node, ownerId, field) {
  const index = node.members.find(ts.isIndexSignatureDeclaration);
  if (index && node.members.length === 1) return wrap('map', convertTypeNode(ctx, index.type, ownerId, field));
  if (node.members.length === 0) return { type: 'object' };
  return { type: `ref:${enqueue(ctx, `${ownerId}.${field}`, node)}` };
}

function convertReference(ctx, node, ownerId, field) {
  const name = node.typeName.getText();
  if ((name === 'Array' || name === 'ReadonlyArray') && node.typeArguments?.length === 1) {
    return wrap('array', convertTypeNode(ctx, node.typeArguments[0], ownerId, field));
  }
  if (name === 'Record' && node.typeArguments?.length === 2) {
    return wrap('map', convertTypeNode(ctx, node.typeArguments[1], ownerId, field));
  }
  const decl = resolveDeclaration(ctx.checker, node.typeName);
  if (!decl) {
    ctx.unresolved.push(`${ownerId}.${field}: ${name}`);
    return { type: 'object' };
  }
  const declName = decl.name?.text ?? '';
  if (SPECIAL_ALIASES[declName]) return { type: SPECIAL_ALIASES[declName] };
  if (ts.isTypeAliasDeclaration(decl)) return convertTypeNode(ctx, decl.type, ownerId, field);
  if (FREE_FORM_INTERFACES.has(declName)) return { type: 'object' };
  if (ts.isInterfaceDeclaration(decl)) return { type: `ref:${enqueue(ctx, ctx.idFor(decl), decl)}` };
  ctx.unresolved.push(`${ownerId}.${field}: ${name} (${ts.SyntaxKind[decl.kind]})`);
  return { type: 'object' };
}

/** Follows import/export aliases (kubernetes-models re-exports with `export type {…}`) to the declaration. */
function resolveDeclaration(checker, typeName) {
  let symbol = checker.getSymbolAtLocation(typeName);
  while (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  return symbol?.declarations?.find((d) => ts.isInterfaceDeclaration(d) || ts.isTypeAliasDeclaration(d));
}

// ---------------------------------------------------------------------------------------------
// Loading each package
// ---------------------------------------------------------------------------------------------

/** The root interface of `<pkg>/<group>/<version>/<Kind>.d.ts` is `I<Kind>`. */
function loadModels(pkgDir, groupVersions) {
  const rootFiles = [];
  for (const [gv, kinds] of groupVersions) {
    for (const kind of kinds) {
      const file = path.join(pkgDir, ...modelsDir(pkgDir, gv), `${kind}.d.ts`);
      if (existsSync(file)) rootFiles.push({ key: `${gv}/${kind}`, file, name: `I${kind}` });
    }
  }
  return walkRoots(rootFiles, modelsIdFor);
}

/**
 * Older kubernetes-models releases publish from a dist/ folder; 5.x publishes the folder itself.
 * The core group ("v1") has no group folder.
 */
function modelsDir(pkgDir, groupVersion) {
  const base = existsSync(path.join(pkgDir, 'dist', 'apps')) ? ['dist'] : [];
  return [...base, ...groupVersion.split('/')];
}

/** kubernetes-types has one file per group version, named by the group's first label: core/v1, networking/v1. */
function loadTypes(pkgDir) {
  const rootFiles = CURRENT_ROOTS.flatMap(([gv, kinds]) => {
    const [group, version] = gv.includes('/') ? gv.split('/') : ['core', gv];
    const file = path.join(pkgDir, group.split('.')[0], `${version}.d.ts`);
    return kinds.map((k) => ({ key: `${gv}/${k}`, file, name: k }));
  });
  return walkRoots(rootFiles, typesIdFor);
}

function walkRoots(rootFiles, idFor) {
  const program = createProgram([...new Set(rootFiles.map((r) => r.file))]);
  const rootDecls = rootFiles.map(({ key, file, name }) => {
    const source = program.getSourceFile(file);
    const decl = source?.statements.find((s) => ts.isInterfaceDeclaration(s) && s.name.text === name);
    if (!decl) fail(`interface ${name} not found in ${file}`);
    return [key, decl];
  });
  return walkPackage(program, rootDecls, idFor);
}

// ---------------------------------------------------------------------------------------------
// Enums
// ---------------------------------------------------------------------------------------------

/**
 * Enums that no package carries because upstream does not tag them `+enum`; they are known only to
 * Go validation (see shared/research/k8s-rules.md §1.4):
 * - pkg/apis/apps/validation/validation.go ValidatePersistentVolumeClaimRetentionPolicyType
 *   (whenDeleted/whenScaled: Retain, Delete);
 * - pkg/apis/core/validation/validation.go ValidatePersistentVolumeClaimSpec (supportedAccessModes),
 *   validateOS (linux, windows), validateResizePolicy (cpu, memory; NotRequired, RestartContainer);
 * - staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/validation ValidateLabelSelectorRequirement
 *   (In, NotIn, Exists, DoesNotExist).
 * Keys are "<TypeName>.<field>" so every group version of a type gets the same values.
 * For `array:string` fields the values apply to the items.
 */
const ENUM_OVERLAY = {
  'StatefulSetPersistentVolumeClaimRetentionPolicy.whenDeleted': ['Retain', 'Delete'],
  'StatefulSetPersistentVolumeClaimRetentionPolicy.whenScaled': ['Retain', 'Delete'],
  // kubernetes-models 5.1 already types accessModes items as a literal union; kept as a cross-check.
  'PersistentVolumeClaimSpec.accessModes': ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'],
  'LabelSelectorRequirement.operator': ['In', 'NotIn', 'Exists', 'DoesNotExist'],
  'PodOS.name': ['linux', 'windows'],
  'ContainerResizePolicy.resourceName': ['cpu', 'memory'],
  'ContainerResizePolicy.restartPolicy': ['NotRequired', 'RestartContainer'],
};

/** Values listed in a kubernetes-models "Possible enum values:" block, e.g. ` - \`"Always"\` means …`. */
function enumFromDescription(description) {
  const at = description.indexOf('Possible enum values:');
  if (at < 0) return undefined;
  const values = [...description.slice(at).matchAll(/^\s*- `"([^"]*)"`/gm)].map((m) => m[1]);
  return values.length > 0 ? values : undefined;
}

function enumFor(typeId, name, raw) {
  const shortKey = `${typeId.split('.').slice(2).join('.')}.${name}`;
  const overlay = ENUM_OVERLAY[shortKey];
  const fromPackage = raw.literals ?? enumFromDescription(raw.description);
  // An overlay entry that the package also carries must agree with it; the package order wins.
  if (overlay && fromPackage && [...overlay].sort().join() !== [...fromPackage].sort().join()) {
    fail(`${typeId}.${name}: package enum ${fromPackage} disagrees with ENUM_OVERLAY ${overlay}`);
  }
  return fromPackage ?? overlay;
}

// ---------------------------------------------------------------------------------------------
// Merging and dating
// ---------------------------------------------------------------------------------------------

/** Counterpart ids in another walk, found by walking both graphs in parallel from the same roots. */
function counterparts(primary, other) {
  const map = new Map();
  const queue = [];
  for (const [key, id] of primary.roots) {
    const otherId = other.roots.get(key);
    if (otherId && !map.has(id)) { map.set(id, otherId); queue.push(id); }
  }
  while (queue.length > 0) {
    const id = queue.shift();
    const mine = primary.types.get(id);
    const theirs = other.types.get(map.get(id));
    if (!mine || !theirs) continue;
    for (const [name, field] of mine.fields) {
      const a = refTarget(field.type);
      const b = theirs.fields.get(name) && refTarget(theirs.fields.get(name).type);
      if (a && b && !map.has(a)) { map.set(a, b); queue.push(a); }
    }
  }
  return map;
}

function refTarget(type) {
  const m = /^(?:array:|map:)*ref:(.+)$/.exec(type);
  return m ? m[1] : undefined;
}

/** Ids reachable from the current roots; only these are compared with older snapshots. */
function reachable(walk, rootKeys) {
  const seen = new Set();
  const queue = rootKeys.map((k) => walk.roots.get(k)).filter(Boolean);
  while (queue.length > 0) {
    const id = queue.shift();
    if (seen.has(id)) continue;
    seen.add(id);
    for (const field of walk.types.get(id)?.fields.values() ?? []) {
      const target = refTarget(field.type);
      if (target) queue.push(target);
    }
  }
  return seen;
}

/** Whether field `name` of primary type `id` exists in a snapshot walk. */
function hasField(snapshot, id, name) {
  const otherId = snapshot.map.get(id);
  return Boolean(otherId && snapshot.walk.types.get(otherId)?.fields.has(name));
}

/**
 * `since` is the minor right after the newest snapshot that lacks the field, and `sinceUpTo` the
 * version of the next snapshot (the first that has it) when that is a later minor: the packages
 * only prove that the field appeared somewhere in since..sinceUpTo. Snapshots are ordered oldest
 * first and start with kubernetes-types 1.30, so a field present there gets neither.
 */
function sinceFor(snapshots, newest, id, name) {
  const bounds = [...snapshots.map((s) => s.kubernetes), newest];
  for (let i = snapshots.length - 1; i >= 0; i--) {
    if (hasField(snapshots[i], id, name)) continue;
    const since = nextMinor(bounds[i]);
    return since === bounds[i + 1] ? { since } : { since, sinceUpTo: bounds[i + 1] };
  }
  return undefined;
}

function nextMinor(version) {
  const [major, minor] = version.split('.').map(Number);
  return `${major}.${minor + 1}`;
}

// ---------------------------------------------------------------------------------------------
// Building the model
// ---------------------------------------------------------------------------------------------

/**
 * DESCRIPTION_POLICY: the model describes Kubernetes 1.36, so its descriptions come from
 * kubernetes-models (1.36 text, which also explains each enum value). kubernetes-types (1.30) is
 * used only where that text is empty; its 1.30 wording is stale in places (for example it still
 * calls the GA StatefulSetAutoDeletePVC gate "alpha").
 */
function describeField(ctx, id, name, raw) {
  const own = raw.description || counterpartField(ctx.types, id, name)?.description || '';
  if (own) return own;
  const target = refTarget(raw.type);
  return (target && typeDescription(ctx, target)) || '';
}

function counterpartField(typesCtx, id, name) {
  const otherId = typesCtx.map.get(id);
  return otherId ? typesCtx.walk.types.get(otherId)?.fields.get(name) : undefined;
}

/** Synthetic inline types have no doc of their own; their kubernetes-types counterpart usually has. */
function typeDescription(ctx, id) {
  const own = ctx.models.types.get(id)?.description;
  if (own) return own;
  const otherId = ctx.types.map.get(id);
  return (otherId && ctx.types.walk.types.get(otherId)?.description) || '';
}

/** A single-literal apiVersion/kind (root kinds, and the named PersistentVolumeClaim) is a const, not an enum. */
function buildField(ctx, id, name, raw) {
  const field = { description: describeField(ctx, id, name, raw), type: raw.type };
  if (raw.required) field.required = true;
  const isConst = (name === 'apiVersion' || name === 'kind') && raw.literals?.length === 1;
  if (isConst) {
    field.const = raw.literals[0];
  } else {
    const values = enumFor(id, name, raw);
    if (values) field.enum = values;
  }
  if (ctx.dated.has(id)) {
    Object.assign(field, sinceFor(ctx.snapshots, ctx.newestKubernetes, id, name));
  }
  return field;
}

function buildTypes(ctx) {
  const types = {};
  for (const id of [...ctx.models.types.keys()].sort()) {
    const fields = {};
    for (const [name, raw] of ctx.models.types.get(id).fields) {
      fields[name] = buildField(ctx, id, name, raw);
    }
    types[id] = { ...syntheticName(ctx, id), description: typeDescription(ctx, id), fields };
  }
  return types;
}

/**
 * A synthetic id ("apps.v1.StatefulSetSpec.volumeClaimTemplates") does not end in a Kubernetes type
 * name, so it borrows the name of its kubernetes-types counterpart ("PersistentVolumeClaim").
 */
function syntheticName(ctx, id) {
  if (id.split('.').length <= 3) return {};
  const otherId = ctx.types.map.get(id);
  return otherId ? { name: otherId.split('.').pop() } : {};
}

function snapshotOf(models, walk, kubernetes) {
  return { walk, kubernetes, map: counterparts(models, walk) };
}

function buildModel() {
  const modelsPkg = readPackageJson('kubernetes-models');
  const typesPkg = readPackageJson('kubernetes-types');
  const newestKubernetes = modelsKubernetesVersion(modelsPkg.version);
  const models = loadModels(path.join(NODE_MODULES, 'kubernetes-models'), ROOTS);
  const typesWalk = loadTypes(path.join(NODE_MODULES, 'kubernetes-types'));
  const typesKubernetes = typesPkg.version.split('.').slice(0, 2).join('.');
  const types = snapshotOf(models, typesWalk, typesKubernetes);
  const older = SINCE_SNAPSHOTS.map((s) => ({ ...s, pkgJson: readPackageJson(s.pkg) }));
  const snapshots = [types, ...older.map((s) => snapshotOf(models, loadSnapshot(s), s.kubernetes))];
  const currentKeys = CURRENT_ROOTS.flatMap(([gv, kinds]) => kinds.map((k) => `${gv}/${k}`));
  const ctx = { models, types, snapshots, newestKubernetes, dated: reachable(models, currentKeys) };
  const sources = [
    { name: 'kubernetes-types', version: typesPkg.version, kubernetes: typesKubernetes },
    { name: 'kubernetes-models', version: modelsPkg.version, kubernetes: newestKubernetes },
    ...older.map((s) => ({ name: `${s.pkg} (kubernetes-models)`, version: s.pkgJson.version, kubernetes: s.kubernetes })),
  ];
  return {
    header: {
      comment: 'generated by scripts/genModel.mjs from kubernetes-types and kubernetes-models — do not edit',
      sources,
      kubernetesVersion: newestKubernetes,
    },
    roots: Object.fromEntries([...models.roots].sort(([a], [b]) => a.localeCompare(b))),
    types: buildTypes(ctx),
  };
}

/** An older kubernetes-models, checked against the CHANGELOG version table before use. */
function loadSnapshot(snapshot) {
  const actual = modelsKubernetesVersion(snapshot.pkgJson.version);
  if (actual !== snapshot.kubernetes) {
    fail(`${snapshot.pkg}@${snapshot.pkgJson.version} covers Kubernetes ${actual}, not ${snapshot.kubernetes}`);
  }
  return loadModels(path.join(NODE_MODULES, snapshot.pkg), CURRENT_ROOTS);
}

function main() {
  const check = process.argv.includes('--check');
  const text = `${JSON.stringify(buildModel(), null, 1)}\n`;
  if (!check) {
    writeFileSync(OUT_FILE, text);
    console.log(`genModel: wrote ${path.relative(REPO, OUT_FILE)} (${text.length} bytes)`);
    return;
  }
  const current = existsSync(OUT_FILE) ? readFileSync(OUT_FILE, 'utf8') : '';
  if (current !== text) {
    console.error('k8sModel.json is stale: run npm run gen:model');
    process.exit(1);
  }
  console.log('genModel: k8sModel.json is up to date');
}

main();
