/**
 * `kubectl logs POD [-c C] [--previous] [--tail N]`: kubernetes/kubectl
 * pkg/cmd/logs/logs.go and polymorphichelpers/logsforobject.go (v0.33.5);
 * the kubelet's refusals come back as BadRequest Status errors
 * (`container "x" in pod "y" is waiting to start: ContainerCreating`).
 */
import type { Kube, Subcommand } from '../context.ts';
import { plainErr, statusErr, usageErr, type KubectlError } from '../errors.ts';
import type { Flags } from '../flags.ts';
import { findPod, pickContainer } from '../containers.ts';
import { containerRuntime } from '../../images/runtime.ts';
import type { Pod } from 'kubernetes-types/core/v1.js';

export const logsCommand: Subcommand = {
  name: 'logs',
  flags: [
    { name: 'container', short: 'c', kind: 'string' },
    { name: 'previous', short: 'p', kind: 'bool' },
    { name: 'follow', short: 'f', kind: 'bool' },
    { name: 'tail', kind: 'int' },
    { name: 'timestamps', kind: 'bool' },
    { name: 'since', kind: 'string' },
    { name: 'since-time', kind: 'string' },
    { name: 'all-containers', kind: 'bool' },
    { name: 'prefix', kind: 'bool' },
    { name: 'selector', short: 'l', kind: 'string' },
    { name: 'limit-bytes', kind: 'int' },
    { name: 'ignore-errors', kind: 'bool' },
    { name: 'max-log-requests', kind: 'int' },
    { name: 'pod-running-timeout', kind: 'string' },
    { name: 'insecure-skip-tls-verify-backend', kind: 'bool' },
    { name: 'quiet', short: 'q', kind: 'bool' },
  ],
  run: runLogs,
};

function runLogs(k: Kube, f: Flags): KubectlError | undefined {
  const args = f.args;
  if (args.length === 0) return usageErr(k.commandPath, 'expected POD or TYPE/NAME is a required argument for the logs command');
  if (args.length > 2) return usageErr(k.commandPath, 'expected POD or TYPE/NAME is a required argument for the logs command');
  const found = findPod(k, args[0]!);
  if (!found.ok) return found.error;
  const pod = found.pod;
  let container = f.str('container') || args[1] || '';
  if (container) {
    const names = ((pod as unknown as Pod).spec?.containers ?? []).map((c) => c.name);
    if (!names.includes(container)) return plainErr(`container ${container} is not valid for pod ${pod.metadata.name}`);
  } else {
    const pick = pickContainer(k, pod, '', f.bool('quiet'));
    if (!pick.ok) return pick.error;
    container = pick.name;
  }
  const r = containerRuntime(k.cluster).logs(pod.metadata.namespace ?? 'default', pod.metadata.name, container, { previous: f.bool('previous') });
  if (!r.ok) return statusErr({ code: 400, reason: 'BadRequest', message: r.message });
  let text = r.text;
  if (f.changed('tail') && f.int('tail', -1) >= 0) {
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    const n = f.int('tail', -1);
    text = lines.slice(Math.max(0, lines.length - n)).map((l) => `${l}\n`).join('');
  }
  k.out(text);
  return undefined;
}
