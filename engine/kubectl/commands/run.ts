/**
 * `kubectl run NAME --image IMG …`: kubernetes/kubectl pkg/cmd/run/run.go
 * (v0.33.5). The pod is created first; with --expose the Service is created
 * and printed next, and the pod is printed last, so the terminal reads
 * `service/x created` then `pod/x created` (and `-o yaml` prints the
 * Service, `---`, then the Pod).
 */
import type { KObject } from '../../api/object.ts';
import type { Kube, Subcommand } from '../context.ts';
import { combine, plainErr, statusErr, usageErr, type KubectlError } from '../errors.ts';
import type { Flags } from '../flags.ts';
import { DRY_RUN_FLAG, dryRunStrategy, isDryRun, type DryRun } from '../dryrun.ts';
import { forServer, generatePod, generateService } from '../generators.ts';
import { OUTPUT_FLAGS, parseOutput, printGeneric, printOperation, type OutputFormat } from '../output.ts';
import { validImageReference } from '../image-ref.ts';
import { attachAfterRun } from './attach.ts';

export const runCommand: Subcommand = {
  name: 'run',
  flags: [
    ...OUTPUT_FLAGS,
    DRY_RUN_FLAG,
    { name: 'image', kind: 'string' },
    { name: 'port', kind: 'string' },
    { name: 'expose', kind: 'bool' },
    { name: 'labels', short: 'l', kind: 'string' },
    { name: 'restart', kind: 'string' },
    { name: 'env', kind: 'stringArray' },
    { name: 'annotations', kind: 'stringArray' },
    { name: 'stdin', short: 'i', kind: 'bool' },
    { name: 'tty', short: 't', kind: 'bool' },
    { name: 'attach', kind: 'bool' },
    { name: 'rm', kind: 'bool' },
    { name: 'command', kind: 'bool' },
    { name: 'leave-stdin-open', kind: 'bool' },
    { name: 'image-pull-policy', kind: 'string' },
    { name: 'privileged', kind: 'bool' },
    { name: 'quiet', short: 'q', kind: 'bool' },
    { name: 'overrides', kind: 'string' },
    { name: 'save-config', kind: 'bool' },
    { name: 'field-manager', kind: 'string' },
    { name: 'pod-running-timeout', kind: 'string' },
    { name: 'cascade', kind: 'string', noOptDefVal: 'background' },
    { name: 'force', kind: 'bool' },
    { name: 'grace-period', kind: 'int' },
    { name: 'timeout', kind: 'string' },
    { name: 'wait', kind: 'bool' },
    { name: 'record', kind: 'bool' },
  ],
  run: runRun,
};

type RestartPolicy = 'Always' | 'OnFailure' | 'Never';

function runRun(k: Kube, f: Flags): KubectlError | undefined {
  // cobra checks MarkFlagRequired("image") before Run.
  if (!f.changed('image')) return plainErr('required flag(s) "image" not set');
  const parsedOut = parseOutput(f.str('output'), false);
  if (!parsedOut.ok) return parsedOut.error;
  const dry = dryRunStrategy(f);
  if (!isDryRun(dry)) return dry;
  const name = f.args[0];
  if (name === undefined || (f.parsed.argsLenAtDash === 0)) return usageErr(k.commandPath, 'NAME is required for run');
  const image = f.str('image');
  if (image === '') return plainErr('--image is required');
  if (!validImageReference(image)) return plainErr(`Invalid image name "${image}": invalid reference format`);
  const stdin = f.bool('stdin');
  const tty = f.bool('tty');
  if (tty && !stdin) return usageErr(k.commandPath, '-i/--stdin is required for containers with -t/--tty=true');
  const expose = f.bool('expose');
  if (expose && f.str('port') === '') return usageErr(k.commandPath, '--port must be set when exposing a service');
  const attach = f.changed('attach') ? f.bool('attach') : stdin;
  const remove = f.bool('rm');
  if (!attach && remove) return usageErr(k.commandPath, '--rm should only be used for attached containers');
  if (attach && dry !== 'none') {
    return usageErr(k.commandPath, "--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)");
  }
  const restart = restartPolicy(f, stdin);
  if (typeof restart !== 'string') return restart;
  if (!['', 'Always', 'IfNotPresent', 'Never'].includes(f.str('image-pull-policy'))) {
    return usageErr(k.commandPath, `invalid image pull policy: ${f.str('image-pull-policy')}`);
  }
  const gen = generatePod({
    name,
    image,
    labels: f.str('labels') || undefined,
    port: f.str('port') || undefined,
    env: f.list('env'),
    restart,
    args: f.args.slice(1),
    command: f.bool('command'),
    stdin,
    tty,
    leaveStdinOpen: f.bool('leave-stdin-open'),
    imagePullPolicy: f.str('image-pull-policy') || undefined,
    annotations: f.list('annotations'),
    privileged: f.bool('privileged'),
    namespace: k.explicitNamespace && dry === 'client' ? k.namespace : undefined,
  });
  if (!gen.ok) return plainErr(gen.message);
  const format = parsedOut.format;

  const pod = createOrDryRun(k, gen.obj, dry);
  if (!pod.ok) return pod.error;
  const errs: KubectlError[] = [];
  if (expose) {
    const svc = exposeService(k, f, name, dry, format);
    if (svc) errs.push(svc);
  }
  if (attach) {
    k.cluster.settle();
    return attachAfterRun(k, pod.obj, { remove, stdin, tty, quiet: f.bool('quiet'), restart });
  }
  const printed = printResult(k, pod.obj, format, dry);
  if (printed) return printed;
  if (dry === 'none') k.cluster.settle();
  return combine(errs);
}

/** getRestartPolicy: empty means Always, or OnFailure for an interactive run. */
function restartPolicy(f: Flags, interactive: boolean): RestartPolicy | KubectlError {
  const r = f.changed('restart') ? f.str('restart') : 'Always';
  if (r === '') return interactive ? 'OnFailure' : 'Always';
  if (r === 'Always' || r === 'OnFailure' || r === 'Never') return r;
  return usageErr('kubectl run', `invalid restart policy: ${r}`);
}

type Created = { ok: true; obj: KObject } | { ok: false; error: KubectlError };

function createOrDryRun(k: Kube, obj: KObject, dry: DryRun): Created {
  if (dry === 'client') return { ok: true, obj };
  const toSend = forServer(obj);
  if (!toSend.metadata.namespace) toSend.metadata.namespace = k.namespace;
  const r = k.api.create(toSend, { dryRun: dry === 'server' });
  return r.ok ? { ok: true, obj: r.value } : { ok: false, error: statusErr(r.error) };
}

/** generateService of run.go: selector = --labels or run=NAME, printed at once, then `---` for yaml. */
function exposeService(k: Kube, f: Flags, name: string, dry: DryRun, format: OutputFormat): KubectlError | undefined {
  const gen = generateService({
    name,
    selector: f.str('labels') || `run=${name}`,
    labels: f.str('labels') || undefined,
    port: f.str('port'),
    namespace: k.explicitNamespace && dry === 'client' ? k.namespace : undefined,
  });
  if (!gen.ok) return plainErr(gen.message);
  const svc = createOrDryRun(k, gen.obj, dry);
  if (!svc.ok) return svc.error;
  const printed = printResult(k, svc.obj, format, dry);
  if (printed) return printed;
  if (format.kind === 'yaml') k.out('---\n');
  return undefined;
}

function printResult(k: Kube, obj: KObject, format: OutputFormat, dry: DryRun): KubectlError | undefined {
  if (format.kind === 'table') {
    k.out(printOperation(obj, 'created', dry));
    return undefined;
  }
  const r = printGeneric(format, obj);
  if (!r.ok) return r.error;
  k.out(r.text);
  return undefined;
}
