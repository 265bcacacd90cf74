/**
 * The attach half of `kubectl run -i [--rm] …` (kubernetes/kubectl
 * pkg/cmd/run/run.go handleAttachPod/logOpts and pkg/cmd/attach/attach.go,
 * v0.33.5). The model settles at once, so a pod whose command ends has
 * already completed and kubectl falls back to printing its logs; a pod still
 * running is attached to (its output so far is what the terminal shows).
 * With --rm the pod is deleted afterwards (`pod "x" deleted`); with
 * --restart=Never|OnFailure kubectl exits with the container's exit code.
 */
import type { Pod } from 'kubernetes-types/core/v1.js';
import type { KObject } from '../../api/object.ts';
import type { Kube } from '../context.ts';
import { statusErr, type KubectlError } from '../errors.ts';
import { containerRuntime } from '../../images/runtime.ts';

export interface AttachOptions {
  remove: boolean;
  stdin: boolean;
  tty: boolean;
  quiet: boolean;
  restart: 'Always' | 'OnFailure' | 'Never';
}

export function attachAfterRun(k: Kube, created: KObject, o: AttachOptions): KubectlError | undefined {
  const ns = created.metadata.namespace ?? k.namespace;
  const name = created.metadata.name;
  const live = k.api.get('Pod', ns, name);
  if (!live.ok) return statusErr(live.error);
  const pod = live.value as unknown as Pod;
  const container = pod.spec?.containers?.[0]?.name ?? name;
  const phase = pod.status?.phase;
  const completed = phase === 'Succeeded' || phase === 'Failed';
  if (!completed) {
    if (o.stdin && o.tty && !o.quiet) k.err('Unable to use a TTY - input is not a terminal or the right kind of file\n');
    if (!o.quiet) k.err("If you don't see a command prompt, try pressing enter.\n");
  }
  const logs = containerRuntime(k.cluster).logs(ns, name, container);
  if (logs.ok) k.out(logs.text);

  let result: KubectlError | undefined;
  if (o.restart !== 'Always' && completed) result = exitResult(pod, o.restart);
  if (o.remove) {
    const d = k.api.delete('Pod', ns, name);
    if (d.ok) {
      k.out(`pod "${name}" deleted\n`);
      k.cluster.settle();
    } else if (!result) result = statusErr(d.error);
  }
  return result;
}

/** run.go's exit-code branch for a completed pod. */
function exitResult(pod: Pod, restart: 'OnFailure' | 'Never'): KubectlError | undefined {
  if (pod.status?.phase === 'Succeeded') return undefined;
  if (restart === 'OnFailure' && pod.status?.phase !== 'Failed') return undefined;
  const ns = pod.metadata?.namespace ?? 'default';
  const name = pod.metadata?.name ?? '';
  const term = pod.status?.containerStatuses?.[0]?.state?.terminated;
  const unknown = `pod ${ns}/${name} failed with unknown exit code`;
  if (!term || !term.exitCode) return { type: 'plain', message: unknown };
  return { type: 'exit', message: `pod ${ns}/${name} terminated (${term.reason ?? ''})\n${term.message ?? ''}`, code: term.exitCode };
}
