/**
 * The outside world: hosts beyond the cluster (name, IP, the TCP ports they
 * accept, what they answer over HTTP). A cluster starts with DEFAULT_WORLD;
 * a lab adds hosts with `addWorldHost`, or replaces the world with one parsed
 * (and schema-checked) by `parseWorld`.
 */
import { parse as parseYaml } from 'yaml';
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import type { Cluster } from '../cluster/cluster.ts';
import type { HttpRequest, HttpResponse } from './deps.ts';
import { DEFAULT_WORLD } from './world-default.ts';
import { WORLD_SCHEMA } from './world-schema.ts';
import { httpDate, utf8Length } from './http.ts';

export interface WorldRoute {
  /** An exact path, or `*` for every path. */
  path: string;
  status: number;
  reason: string;
  /** `${DATE}` is the simulated now as an HTTP date, `${DATE+N}` N seconds later, `${LENGTH}` the body's byte length. */
  headers: Array<[string, string]>;
  body: string;
}

export interface WorldHost {
  name: string;
  ip: string;
  /** TCP ports that accept connections; default [80, 443]. Others are dropped (timeout). */
  ports?: number[];
  http?: WorldRoute[];
}

export interface World {
  hosts: WorldHost[];
}

export type WorldParseResult = { ok: true; world: World } | { ok: false; errors: string[] };

// Compiled on first use, not at import: only labs that describe the outside
// world need it, and loading ajv and compiling costs start-up time (bench/).
const require = createRequire(import.meta.url);
let validateFn: ValidateFunction<World> | undefined;
function validator(): ValidateFunction<World> {
  if (!validateFn) {
    const { Ajv } = require('ajv') as typeof import('ajv');
    validateFn = new Ajv({ strict: true }).compile<World>(WORLD_SCHEMA);
  }
  return validateFn;
}

/** Parse and check a world fixture (YAML or JSON text). Never throws. */
export function parseWorld(text: string): WorldParseResult {
  let data: unknown;
  try {
    data = parseYaml(text, { maxAliasCount: 100 });
  } catch (e) {
    return { ok: false, errors: [`not valid YAML: ${(e as Error).message}`] };
  }
  const validate = validator();
  if (!validate(data)) {
    return { ok: false, errors: (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? 'invalid'}`) };
  }
  return { ok: true, world: data };
}

interface WorldState {
  byName: Map<string, WorldHost>;
  byIp: Map<string, WorldHost>;
}

function worldState(cluster: Cluster): WorldState {
  return cluster.ext('network:world', () => indexWorld(DEFAULT_WORLD));
}

function indexWorld(world: World): WorldState {
  const s: WorldState = { byName: new Map(), byIp: new Map() };
  for (const h of world.hosts) {
    s.byName.set(h.name.toLowerCase().replace(/\.$/, ''), h);
    s.byIp.set(h.ip, h);
  }
  return s;
}

/** Replace the cluster's outside world. */
export function setWorld(cluster: Cluster, world: World): void {
  const s = worldState(cluster);
  const next = indexWorld(world);
  s.byName = next.byName;
  s.byIp = next.byIp;
}

/** Add (or replace, by name) one host of the outside world. */
export function addWorldHost(cluster: Cluster, host: WorldHost): void {
  const s = worldState(cluster);
  const old = s.byName.get(host.name.toLowerCase());
  if (old) s.byIp.delete(old.ip);
  s.byName.set(host.name.toLowerCase().replace(/\.$/, ''), host);
  s.byIp.set(host.ip, host);
}

/** The host of that name (`google.com`, trailing dot allowed), for DNS. */
export function findWorldHostByName(cluster: Cluster, name: string): WorldHost | undefined {
  return worldState(cluster).byName.get(name.toLowerCase().replace(/\.$/, ''));
}

export function findWorldHostByIp(cluster: Cluster, ip: string): WorldHost | undefined {
  return worldState(cluster).byIp.get(ip);
}

export function listWorldHosts(cluster: Cluster): WorldHost[] {
  return [...worldState(cluster).byName.values()];
}

export function worldAccepts(host: WorldHost, port: number): boolean {
  return (host.ports ?? [80, 443]).includes(port);
}

/** What a world host answers to an HTTP request; undefined when it speaks no HTTP. */
export function worldServeHttp(cluster: Cluster, host: WorldHost, req: HttpRequest): HttpResponse | undefined {
  const path = req.path.split('?')[0] ?? '/';
  const route = host.http?.find((r) => r.path === path) ?? host.http?.find((r) => r.path === '*');
  if (!route) return host.http ? notFound(cluster) : undefined;
  const now = cluster.clock.now();
  const length = String(utf8Length(route.body));
  const headers = route.headers.map(([k, v]) => [k, expand(v, now, length)] as [string, string]);
  return { status: route.status, reason: route.reason, headers, body: route.body };
}

function expand(v: string, now: number, length: string): string {
  return v
    .replace(/\$\{DATE(?:\+(\d+))?\}/g, (_, plus: string | undefined) => httpDate(now + Number(plus ?? 0) * 1000))
    .replace(/\$\{LENGTH\}/g, length);
}

function notFound(cluster: Cluster): HttpResponse {
  const body = '<html><body><h1>404 Not Found</h1></body></html>\n';
  return { status: 404, reason: 'Not Found', headers: [['Date', httpDate(cluster.clock.now())], ['Content-Type', 'text/html'], ['Content-Length', String(body.length)]], body };
}
