/**
 * `apt` and `apt-get` in Debian 12 images (implementation id `apt`): update
 * fetches the bookworm indexes, install unpacks the catalogue's packages and
 * adds their binaries to the container. Output is apt's non-interactive
 * transcript (no progress bars: stdout is not a terminal under kubectl exec).
 */
import type { CommandContext, CommandHandler } from '../shell/command.ts';
import type { Cluster } from '../cluster/cluster.ts';
import { CATALOGUE } from './catalogue.ts';
import { containerRuntime } from './runtime.ts';
import type { AptPackage } from './catalogue-types.ts';

const CLI_WARNING = '\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n';
const READING = 'Reading package lists...\nBuilding dependency tree...\nReading state information...\n';

/** apt's ShowList: two-space indent, wrapped before 80 columns. */
export function wrapList(names: string[]): string {
  const lines: string[] = [];
  let line = ' ';
  for (const n of names) {
    if (line.length + 1 + n.length > 79 && line.trim()) {
      lines.push(line);
      line = ' ';
    }
    line += ` ${n}`;
  }
  lines.push(line);
  return lines.join('\n') + '\n';
}

const debUrl = (suite: string) => (suite.startsWith('bookworm-security') ? 'http://deb.debian.org/debian-security' : 'http://deb.debian.org/debian');
const debFile = (name: string, version: string, arch: string) => `${name}_${version.replace(':', '%3a')}_${arch}.deb`;

export const aptCommand: CommandHandler = (ctx: CommandContext): number => {
  const cluster = (ctx.services as { cluster?: Cluster }).cluster;
  const host = ctx.host;
  const isApt = ctx.argv[0]!.endsWith('apt');
  if (!cluster || host.kind !== 'pod') {
    ctx.stderr(`${ctx.argv[0]}: not available here\n`);
    return 127;
  }
  const rt = containerRuntime(cluster);
  const state = rt.packages(host.namespace, host.pod, host.container);
  const image = rt.imageOf(host.namespace, host.pod, host.container);
  if (!state || !image) return 1;
  if (isApt) ctx.stderr(CLI_WARNING);
  const args = ctx.argv.slice(1);
  const words = args.filter((a) => !a.startsWith('-'));
  const yes = args.some((a) => a === '-y' || a === '--yes' || a === '--assume-yes' || a === '-qy');
  const sub = words[0];
  if (sub === 'update') {
    const apt = CATALOGUE.apt!;
    ctx.stdout(apt.updateLines.join('\n') + '\n' + apt.fetched + '\n');
    state.updated = true;
    ctx.stdout(isApt ? `${READING}All packages are up to date.\n` : 'Reading package lists...\n');
    return 0;
  }
  if (sub === 'install') {
    ctx.stdout(READING);
    const names = words.slice(1);
    const pkgs: Array<[string, AptPackage]> = [];
    for (const n of names) {
      const p = image.aptPackages?.[n];
      if (!state.updated || !p) {
        ctx.stderr(`E: Unable to locate package ${n}\n`);
        return 100;
      }
      pkgs.push([n, p]);
    }
    const fresh = pkgs.filter(([n]) => !state.installed.has(n));
    for (const [n, p] of pkgs) {
      if (state.installed.has(n)) ctx.stdout(`${n} is already the newest version (${p.debs.find((d) => d.name === n)?.version ?? ''}).\n`);
    }
    if (fresh.length === 0) {
      ctx.stdout('0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
      return 0;
    }
    const debs = fresh.flatMap(([, p]) => p.debs);
    const requested = new Set(fresh.map(([n]) => n));
    const extra = debs.map((d) => d.name).filter((n) => !requested.has(n)).sort();
    if (extra.length) ctx.stdout(`The following additional packages will be installed:\n${wrapList(extra)}`);
    const suggested = fresh.flatMap(([, p]) => p.suggested ?? []);
    if (suggested.length) ctx.stdout(`Suggested packages:\n${wrapList(suggested)}`);
    ctx.stdout(`The following NEW packages will be installed:\n${wrapList(debs.map((d) => d.name).sort())}`);
    ctx.stdout(`0 upgraded, ${debs.length} newly installed, 0 to remove and 0 not upgraded.\n`);
    const need = fresh.map(([, p]) => p.needGet ?? '').join(' ');
    const disk = fresh.map(([, p]) => p.diskUse ?? '').join(' ');
    ctx.stdout(`Need to get ${need} of archives.\nAfter this operation, ${disk} of additional disk space will be used.\n`);
    if (!yes) {
      ctx.stdout('Do you want to continue? [Y/n] Abort.\n');
      return 1;
    }
    debs.forEach((d, i) => ctx.stdout(`Get:${i + 1} ${debUrl(d.suite)} ${d.suite} amd64 ${d.name} ${d.arch ?? 'amd64'} ${d.version} [${d.size}]\n`));
    ctx.stderr('debconf: delaying package configuration, since apt-utils is not installed\n');
    ctx.stdout(`Fetched ${need} in 0s (${need.replace(/ kB$/, '')} kB/s)\n`);
    debs.forEach((d, i) => {
      const arch = d.arch ?? 'amd64';
      const qual = arch === 'all' ? d.name : `${d.name}:${arch}`;
      ctx.stdout(`Selecting previously unselected package ${qual}.\n`);
      if (i === 0) ctx.stdout(`(Reading database ... ${CATALOGUE.apt?.databaseFiles ?? 7580} files and directories currently installed.)\n`);
      ctx.stdout(`Preparing to unpack .../${debs.length > 1 ? `${String(i).padStart(2, '0')}-` : ''}${debFile(d.name, d.version, arch)} ...\n`);
      ctx.stdout(`Unpacking ${qual} (${d.version}) ...\n`);
    });
    for (const d of debs) ctx.stdout(`Setting up ${d.arch === 'all' ? d.name : `${d.name}:amd64`} (${d.version}) ...\n`);
    if (CATALOGUE.apt?.libcTrigger) ctx.stdout(`${CATALOGUE.apt.libcTrigger}\n`);
    for (const [n] of fresh) state.installed.add(n);
    return 0;
  }
  ctx.stderr(isApt ? `E: Invalid operation ${sub ?? ''}\n` : `E: Invalid operation ${sub ?? ''}\n`);
  return 100;
};

/** H4's binaries for engine/lab/binaries.ts. */
export const imageBinaries: Record<string, CommandHandler> = { apt: aptCommand };
