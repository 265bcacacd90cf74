/**
 * What the data plane asks of its neighbours, in one place:
 * - the container runtime (engine/images, H4): which ports a pod listens on
 *   and what its HTTP server answers;
 * - the resolver (engine/dns, H7): names → addresses, as glibc or musl would.
 *
 * The shapes below are the contract in wiring.md. Until the neighbours are
 * wired (or in unit tests), `setNetworkDeps` installs stand-ins; the
 * fallbacks in fallback-runtime.ts / fallback-dns.ts are small but honest.
 */
import type { KObject } from '../api/object.ts';
import type { Cluster } from '../cluster/cluster.ts';
import type { Note } from '../shell/command.ts';
import type { Peer, Protocol } from './types.ts';
import { fallbackRuntime } from './fallback-runtime.ts';
import { fallbackLookup } from './fallback-dns.ts';

export interface Listener {
  port: number;
  protocol: Protocol;
  /** The container that holds the socket, when known. */
  container?: string;
}

export interface HttpRequest {
  method: string;
  /** Request target as sent: `/`, `/hostname?x=1`. */
  path: string;
  /** Header lines as sent, in order (Host first). */
  headers: Array<[string, string]>;
  body?: string;
  /** The client address the server sees (after NAT), for /clientip. */
  clientIp?: string;
  /** The client's source port as the server sees it (an ephemeral port), for /clientip. */
  clientPort?: number;
}

export interface HttpResponse {
  status: number;
  /** Reason phrase, e.g. `OK`, `Moved Permanently`. */
  reason: string;
  headers: Array<[string, string]>;
  body: string;
  /** Default 'HTTP/1.1'. */
  version?: string;
}

/** A pod's answer when asked over HTTP: a response, or a listener that speaks no HTTP. */
export type HttpAnswer = HttpResponse | { kind: 'close' } | { kind: 'no-http' } | undefined;

export interface RuntimeLike {
  /** The ports a stored pod's running containers listen on (callers hold the pod: no store look-up). */
  listenersOf(pod: KObject): Listener[];
  /**
   * A counter that moves whenever any pod's listeners may have changed (a
   * container started, stopped or changed behaviour): the data plane keeps
   * a pod's listeners on its record while it stands still. Unset: asked
   * every time.
   */
  listenersVersion?(): number;
  serveHttp(namespace: string, pod: string, port: number, request: HttpRequest): HttpAnswer;
}

export type LookupResult =
  | { ok: true; addresses: string[]; canonicalName?: string }
  | { ok: false; error: 'NXDOMAIN' | 'SERVFAIL' | 'TIMEOUT' | 'REFUSED'; note: Note };

export type LookupFn = (
  cluster: Cluster,
  from: Peer,
  name: string,
  opts: { type?: 'A' | 'AAAA'; resolver: 'glibc' | 'musl' },
) => LookupResult;

export interface NetworkDeps {
  runtime: (cluster: Cluster) => RuntimeLike;
  lookup: LookupFn;
}

let deps: NetworkDeps = { runtime: fallbackRuntime, lookup: fallbackLookup };

/** Wire the real runtime and resolver (the lead does this once); returns the previous deps. */
export function setNetworkDeps(next: Partial<NetworkDeps>): NetworkDeps {
  const prev = deps;
  deps = { ...deps, ...next };
  return prev;
}

export function runtimeOf(cluster: Cluster): RuntimeLike {
  return deps.runtime(cluster);
}

export function lookupName(cluster: Cluster, from: Peer, name: string, resolver: 'glibc' | 'musl'): LookupResult {
  return deps.lookup(cluster, from, name, { type: 'A', resolver });
}
