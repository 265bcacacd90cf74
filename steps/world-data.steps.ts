/**
 * Steps that add to the world a lab runs in: hosts outside the cluster and
 * container images of the lab's own. Both are checked against their schemas
 * (schemas/world.schema.json, schemas/images.schema.json); a mistake fails
 * the step with the field that is wrong.
 */
import { Given } from '@cucumber/cucumber';
import { parse as parseYaml } from 'yaml';
import { addImage, findImage, parseImageRef, type ImageEntry } from '../engine/images/index.ts';
import { addWorldHost, parseWorld } from '../engine/network/index.ts';
import { expandVariables } from './expand.ts';
import { mayUseJq, type LabWorld } from './world.ts';

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function expand(world: LabWorld, text: string): string {
  return expandVariables(text, (n) => world.lab.getVar(n));
}

/** A host that accepts TCP 80 and 443 and answers HTTP 200 with the doc string as its page. */
Given('the outside host {string} at {string} answering:', function (this: LabWorld, name: string, ip: string, body: string) {
  if (!IPV4.test(ip)) throw new Error(`"${ip}" is not an IPv4 address`);
  const page = expand(this, body).replace(/\n?$/, '\n');
  addWorldHost(this.lab.cluster, {
    name,
    ip,
    ports: [80, 443],
    http: [{ path: '*', status: 200, reason: 'OK', headers: [['Date', '${DATE}'], ['Content-Type', 'text/html'], ['Content-Length', '${LENGTH}']], body: page }],
  });
});

/** A host that accepts connections on the given ports but speaks no HTTP (a database, say). */
Given('the outside host {string} at {string} listening on port(s) {string}', function (this: LabWorld, name: string, ip: string, ports: string) {
  if (!IPV4.test(ip)) throw new Error(`"${ip}" is not an IPv4 address`);
  const list = ports.split(/[\s,]+/).filter(Boolean).map(Number);
  if (list.length === 0 || list.some((p) => !Number.isInteger(p) || p < 1 || p > 65535)) throw new Error(`"${ports}" is not a list of ports (1-65535), e.g. "5432" or "80, 443"`);
  addWorldHost(this.lab.cluster, { name, ip, ports: list });
});

/** Hosts in the format of fixtures/world.yaml (a `hosts:` list). */
Given('the outside world has:', function (this: LabWorld, text: string) {
  const parsed = parseWorld(expand(this, text));
  if (!parsed.ok) throw new Error(`the outside world in this step is not valid (format: fixtures/world.yaml):\n  ${parsed.errors.join('\n  ')}`);
  for (const host of parsed.world.hosts) addWorldHost(this.lab.cluster, host);
});

/**
 * An image of the lab's own, described as changes to a catalogue image
 * (`from: nginx`): binaries, processes, files, env… as in fixtures/images.yaml.
 */
Given('the image {string} with:', function (this: LabWorld, ref: string, text: string) {
  let data: unknown;
  if (mayUseJq(text)) this.wroteJq = true; // its processes may run jq when a pod starts
  try {
    data = parseYaml(expand(this, text));
  } catch (e) {
    throw new Error(`the image description is not valid YAML: ${(e as Error).message}`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error('the image description must be a YAML mapping, starting with `from: IMAGE` (an image of the catalogue, e.g. nginx or busybox)');
  const { from, ...changes } = data as Record<string, unknown>;
  if (typeof from !== 'string') throw new Error('the image description needs `from: IMAGE`, the catalogue image it starts from (e.g. nginx, busybox, curlimages/curl)');
  const base = findImage(this.lab.cluster, from);
  if (!base) throw new Error(`from: ${from} is not an image of the catalogue (fixtures/images.yaml)`);
  const r = parseImageRef(ref);
  const entry = { ...base, ...changes, name: r.repository, repository: r.repository, tag: r.tag } as ImageEntry;
  const added = addImage(this.lab.cluster, entry);
  if (!added.ok) throw new Error(`the image ${ref} is not valid:\n  ${added.problems.map((p) => p.message).join('\n  ')}`);
});
