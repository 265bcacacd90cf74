/** `Given a k3s cluster…`: the scenario's cluster (STEPS.md, "The cluster"). */
import { Given, type DataTable } from '@cucumber/cucumber';
import { applyServerFlags, defaultConfig, type NodeSpec } from '../engine/cluster/config.ts';
import type { LabWorld } from './world.ts';

Given('a k3s cluster', function (this: LabWorld) {
  this.startLab({ config: defaultConfig() });
});

Given('a k3s cluster with nodes:', function (this: LabWorld, table: DataTable) {
  this.startLab({ config: defaultConfig({ nodes: nodesFrom(table) }) });
});

Given('a k3s cluster started with {string}', function (this: LabWorld, flags: string) {
  this.startLab({ config: applyServerFlags(defaultConfig(), flags) });
});

Given('a k3s cluster started with {string} and nodes:', function (this: LabWorld, flags: string, table: DataTable) {
  this.startLab({ config: applyServerFlags(defaultConfig({ nodes: nodesFrom(table) }), flags) });
});

Given('{int} minute(s) pass(es)', function (this: LabWorld, minutes: number) {
  this.lab.cluster.advance(minutes * 60_000);
});

Given('{int} second(s) pass(es)', function (this: LabWorld, seconds: number) {
  this.lab.cluster.advance(seconds * 1000);
});

/** The nodes table: columns name, role (control-plane or worker), ip. */
export function nodesFrom(table: DataTable): NodeSpec[] {
  const rows = table.hashes();
  if (rows.length === 0) throw new Error('the nodes table has no rows: give at least one node (columns name, role, ip)');
  const names = new Set<string>();
  return rows.map((row, i) => {
    const where = `nodes table row ${i + 1}`;
    for (const col of ['name', 'role', 'ip']) {
      if (!(col in row)) throw new Error(`${where}: missing column "${col}" (the table's columns are name, role, ip)`);
    }
    const role = row['role']!.trim();
    if (role !== 'control-plane' && role !== 'worker') {
      throw new Error(`${where}: role "${role}" is not control-plane or worker`);
    }
    const name = row['name']!.trim();
    if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(name)) throw new Error(`${where}: "${name}" is not a valid node name (lower-case letters, digits, '-' and '.')`);
    if (names.has(name)) throw new Error(`${where}: node "${name}" appears twice`);
    names.add(name);
    const ip = row['ip']!.trim();
    if (!/^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/.test(ip)) throw new Error(`${where}: "${ip}" is not an IPv4 address`);
    return { name, role, ip };
  });
}
