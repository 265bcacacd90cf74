/**
 * API warnings as kubectl prints them: the API server sends a `Warning`
 * header for a deprecated API on every request to it, and kubectl's warning
 * handler (client-go rest.WarningWriter, deduplicated, installed by
 * kubectl's root command) writes `Warning: <text>` on stderr once per
 * invocation, when the response arrives (so before the output it prints).
 * Kubernetes 1.33 deprecates v1 Endpoints (KEP-4974):
 * `Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice`.
 */
import type { ApiServer } from '../api/server-types.ts';

/** The deprecation warning the 1.33 API server sends for requests on a kind, if any. */
export const DEPRECATION_WARNINGS: Readonly<Record<string, string>> = {
  Endpoints: 'v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice',
};

/** `api` with each request's warning written through `write` (once per distinct text). */
export function withApiWarnings(api: ApiServer, write: (text: string) => void): ApiServer {
  const seen = new Set<string>();
  const warn = (kind: string | undefined): void => {
    const text = kind ? DEPRECATION_WARNINGS[kind] : undefined;
    if (!text || seen.has(text)) return;
    seen.add(text);
    write(`Warning: ${text}\n`);
  };
  return {
    get: (kind, ns, name) => (warn(kind), api.get(kind, ns, name)),
    list: (kind, ns, sel) => (warn(kind), api.list(kind, ns, sel)),
    create: (obj, opts) => (warn(obj.kind), api.create(obj, opts)),
    update: (obj, opts) => (warn(obj.kind), api.update(obj, opts)),
    apply: (obj, opts) => (warn(obj.kind), api.apply(obj, opts)),
    delete: (kind, ns, name) => (warn(kind), api.delete(kind, ns, name)),
    updateStatus: (obj, opts) => (warn(obj.kind), api.updateStatus(obj, opts)),
  };
}
