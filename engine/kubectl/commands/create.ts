/**
 * `kubectl create -f FILE`, `create namespace|ns NAME`, `create deployment|deploy
 * NAME --image …`, `create service clusterip|nodeport|loadbalancer|externalname
 * NAME --tcp=P:T`: kubernetes/kubectl pkg/cmd/create/{create,create_namespace,
 * create_deployment,create_service}.go (v0.33.5). Their error wrappers differ
 * and are kept: `failed to create deployment: …`, `failed to create NodePort
 * service: …`, `error when creating "x.yaml": …`.
 */
import type { KObject } from '../../api/object.ts';
import type { Kube, Subcommand } from '../context.ts';
import { addSourceToErr, combine, plainErr, statusErr, usageErr, type KubectlError } from '../errors.ts';
import type { Flags, FlagSpec } from '../flags.ts';
import { DRY_RUN_FLAG, dryRunStrategy, isDryRun, type DryRun } from '../dryrun.ts';
import { OUTPUT_FLAGS, parseOutput, printGeneric, printOperation, type OutputFormat } from '../output.ts';
import { FILENAME_FLAGS, loadObjects } from './files.ts';
import { forServer, generateCreateService, generateDeployment, generateNamespace } from '../generators.ts';
import { SAFE_ALPHABET } from '../../sim/index.ts';

const COMMON: readonly FlagSpec[] = [
  ...OUTPUT_FLAGS,
  DRY_RUN_FLAG,
  { name: 'save-config', kind: 'bool' },
  { name: 'validate', kind: 'string', noOptDefVal: 'strict' },
  { name: 'field-manager', kind: 'string' },
];

export const createCommand: Subcommand = {
  name: 'create',
  flags: [
    ...COMMON,
    ...FILENAME_FLAGS,
    { name: 'selector', short: 'l', kind: 'string' },
    { name: 'edit', kind: 'bool' },
    { name: 'raw', kind: 'string' },
    { name: 'windows-line-endings', kind: 'bool' },
    { name: 'record', kind: 'bool' },
    // the union of the subcommands' flags: each subcommand checks its own
    { name: 'image', kind: 'stringSlice' },
    { name: 'port', kind: 'int' },
    { name: 'replicas', short: 'r', kind: 'int' },
    { name: 'tcp', kind: 'stringSlice' },
    { name: 'node-port', kind: 'int' },
    { name: 'clusterip', kind: 'string' },
    { name: 'external-name', kind: 'string' },
  ],
  run: runCreate,
};

const SUB_FLAGS: Record<string, readonly string[]> = {
  namespace: [],
  deployment: ['image', 'port', 'replicas'],
  service: ['tcp', 'node-port', 'clusterip', 'external-name'],
};
const ALIASES: Record<string, string> = { ns: 'namespace', namespace: 'namespace', deployment: 'deployment', deploy: 'deployment', service: 'service', svc: 'service' };

function runCreate(k: Kube, f: Flags): KubectlError | undefined {
  const sub = f.args[0] !== undefined && f.parsed.argsLenAtDash !== 0 ? ALIASES[f.args[0]] : undefined;
  if (f.args.length > 0 && !sub) {
    if (f.list('filename').length === 0) return plainErr(`unknown command "${f.args[0]}" for "kubectl create"`);
    return usageErr('kubectl create', `Unexpected args: [${f.args.join(' ')}]`);
  }
  const parsedOut = parseOutput(f.str('output'), false);
  if (!parsedOut.ok) return parsedOut.error;
  const dry = dryRunStrategy(f);
  if (!isDryRun(dry)) return dry;
  if (!sub) return createFromFiles(k, f, parsedOut.format, dry);
  // flags of another subcommand are unknown to this one (cobra)
  for (const [other, names] of Object.entries(SUB_FLAGS)) {
    if (other === sub) continue;
    for (const n of names) if (f.changed(n) && !SUB_FLAGS[sub]!.includes(n)) return plainErr(`unknown flag: --${n}\nSee 'kubectl create ${sub} --help' for usage.`);
  }
  if (sub === 'namespace') return createNamespace(k, f, parsedOut.format, dry);
  if (sub === 'deployment') return createDeployment(k, f, parsedOut.format, dry);
  return createService(k, f, parsedOut.format, dry);
}

function createFromFiles(k: Kube, f: Flags, format: OutputFormat, dry: DryRun): KubectlError | undefined {
  if (f.list('filename').length === 0) {
    k.err('Error: must specify one of -f and -k\n\n');
    return { type: 'silent' };
  }
  const loaded = loadObjects(k, f);
  if (loaded.fatal) return loaded.fatal;
  const errs: KubectlError[] = [...loaded.errors];
  let wrote = false;
  for (const o of loaded.objects) {
    if (dry === 'client') {
      emit(k, o.obj, format, dry, errs);
      continue;
    }
    const r = k.api.create(forServer(o.obj), { dryRun: dry === 'server' });
    if (!r.ok) {
      errs.push(addSourceToErr('creating', o.source, statusErr(r.error)));
      continue;
    }
    wrote = true;
    emit(k, r.value, format, dry, errs);
  }
  if (wrote && dry === 'none') k.cluster.settle();
  return combine(errs);
}

/** NameFromCommandArgs: exactly one NAME after the subcommand (args before `--`). */
function nameArg(f: Flags, sub: string): string | KubectlError {
  const dash = f.parsed.argsLenAtDash;
  const names = (dash >= 0 ? f.args.slice(0, dash) : f.args).slice(1);
  if (names.length !== 1) return usageErr(`kubectl create ${sub}`, `exactly one NAME is required, got ${names.length}`);
  return names[0]!;
}

function createNamespace(k: Kube, f: Flags, format: OutputFormat, dry: DryRun): KubectlError | undefined {
  const name = nameArg(f, 'namespace');
  if (typeof name !== 'string') return name;
  return send(k, generateNamespace(name), format, dry, (e) => e);
}

function createDeployment(k: Kube, f: Flags, format: OutputFormat, dry: DryRun): KubectlError | undefined {
  if (!f.changed('image')) return plainErr('required flag(s) "image" not set');
  const name = nameArg(f, 'deployment');
  if (typeof name !== 'string') return name;
  const dash = f.parsed.argsLenAtDash;
  const command = dash >= 0 ? f.args.slice(dash) : f.args.slice(2);
  const images = f.list('image');
  if (images.length > 1 && command.length > 0) return plainErr('cannot specify multiple --image options and command');
  const rnd = k.cluster.random.fork('kubectl-create-deployment');
  const obj = generateDeployment({
    name,
    images,
    port: f.int('port', -1),
    replicas: f.int('replicas', 1),
    command,
    namespace: k.explicitNamespace ? k.namespace : undefined,
    suffix: () => rnd.string(5, SAFE_ALPHABET),
  });
  return send(k, obj, format, dry, (e) => plainErr(`failed to create deployment: ${errorText(e)}`));
}

function createService(k: Kube, f: Flags, format: OutputFormat, dry: DryRun): KubectlError | undefined {
  const typeWord = f.args[1];
  const types: Record<string, 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName'> = {
    clusterip: 'ClusterIP',
    nodeport: 'NodePort',
    loadbalancer: 'LoadBalancer',
    externalname: 'ExternalName',
  };
  const type = typeWord ? types[typeWord] : undefined;
  if (!type) {
    if (typeWord) return plainErr(`unknown command "${typeWord}" for "kubectl create service"`);
    k.err('Create a service using a specified subcommand.\n');
    return { type: 'silent' };
  }
  const names = f.args.slice(2);
  if (names.length !== 1) return usageErr(`kubectl create service ${typeWord}`, `exactly one NAME is required, got ${names.length}`);
  const clusterIP = f.str('clusterip');
  if (clusterIP === 'None' && type !== 'ClusterIP') return plainErr('ClusterIP=None can only be used with ClusterIP service type');
  const tcp = f.list('tcp');
  if (type !== 'ExternalName' && clusterIP !== 'None' && tcp.length === 0) return plainErr('at least one tcp port specifier must be provided');
  const gen = generateCreateService(type, names[0]!, tcp, {
    nodePort: f.int('node-port', 0),
    clusterIP: clusterIP || undefined,
    externalName: f.str('external-name') || undefined,
    namespace: k.explicitNamespace ? k.namespace : undefined,
  });
  if (!gen.ok) return plainErr(gen.message);
  return send(k, gen.obj, format, dry, (e) => plainErr(`failed to create ${type} service: ${errorText(e)}`));
}

/** err.Error() of a wrapped server error: the Status message. */
function errorText(e: KubectlError): string {
  if (e.type === 'status') return e.status.message;
  if (e.type === 'plain' || e.type === 'exit') return e.message;
  return '';
}

function send(k: Kube, obj: KObject, format: OutputFormat, dry: DryRun, wrap: (e: KubectlError) => KubectlError): KubectlError | undefined {
  if (dry === 'client') {
    const errs: KubectlError[] = [];
    emit(k, obj, format, dry, errs);
    return combine(errs);
  }
  const toSend = forServer(obj);
  if (kindNamespaced(obj) && !toSend.metadata.namespace) toSend.metadata.namespace = k.namespace;
  const r = k.api.create(toSend, { dryRun: dry === 'server' });
  if (!r.ok) return wrap(statusErr(r.error));
  if (dry === 'none') k.cluster.settle();
  const errs: KubectlError[] = [];
  emit(k, r.value, format, dry, errs);
  return combine(errs);
}

function kindNamespaced(obj: KObject): boolean {
  return obj.kind !== 'Namespace' && obj.kind !== 'Node';
}

function emit(k: Kube, obj: KObject, format: OutputFormat, dry: DryRun, errs: KubectlError[]): void {
  if (format.kind === 'table') {
    k.out(printOperation(obj, 'created', dry));
    return;
  }
  const p = printGeneric(format, obj);
  if (p.ok) k.out(p.text);
  else errs.push(p.error);
}
