/** `Then the reachability on TCP port 80 should be:` (STEPS.md, "Checks"). */
import { Then, type DataTable } from '@cucumber/cucumber';
import { formatTruthTable, reachability, tableFromRows } from '../engine/network/index.ts';
import { CheckFailed } from './checks.ts';
import type { LabWorld } from './world.ts';

const PROTOCOLS = { TCP: 'TCP', UDP: 'UDP', SCTP: 'SCTP' } as const;

Then('the reachability on {word} port {int} should be:', function (this: LabWorld, protocol: string, port: number, table: DataTable) {
  const proto = PROTOCOLS[protocol as keyof typeof PROTOCOLS];
  if (!proto) throw new Error(`"${protocol}" is not a protocol: write TCP, UDP or SCTP`);
  const expected = tableFromRows(table.raw());
  if ('error' in expected) throw new Error(`the reachability table: ${expected.error}`);
  const pods = [...new Set([...expected.froms, ...expected.tos])];
  for (const p of pods) {
    if (!/^[^/\s]+\/[^/\s]+$/.test(p)) throw new Error(`the reachability table names "${p}": write pods as NAMESPACE/POD, e.g. x/a`);
  }
  const observed = reachability(this.lab.cluster, expected.froms, port, proto, expected.tos);
  const same = expected.froms.every((f) => expected.tos.every((t) => expected.get(f, t) === observed.get(f, t)));
  if (!same) throw new CheckFailed(`The reachability on ${proto} port ${port} is not what the lab expects (. connects, X does not):\n\n${formatTruthTable(expected, observed)}`);
});
