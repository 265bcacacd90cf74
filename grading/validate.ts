/**
 * `kube-netlab validate`: manifests checked alone, as `kubectl apply`
 * would check them against a fresh default cluster: the loader's problems
 * (YAML, encoding, limits, unknown kinds and fields, types), then the API
 * server's admission (defaulting, validation, allocation) for each
 * document, in order, in a throwaway cluster, so a Namespace created by
 * one document is there for the next. Every diagnostic is located.
 */
import { Lab, LAB_HOME } from '../engine/lab/index.ts';
import { apiServer, kindInfo } from '../engine/api/index.ts';
import { loadManifests, type LoadedDocument } from '../engine/api/manifests/index.ts';
import { Workspace } from '../engine/workspace/index.ts';
import { ManifestLocator } from './locate.ts';

export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  /** `spec.ports[0].nodePort`, '' for the whole document or file. */
  field: string;
  message: string;
  severity: 'error' | 'warning';
}

/** `file:line:column: field: message` (field left out when there is none). */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity === 'warning' ? 'warning: ' : ''}${d.field ? `${d.field}: ` : ''}${d.message}`;
}

export interface ValidateResult {
  diagnostics: Diagnostic[];
  documents: number;
}

/** Validates the manifests at `paths` (as given, resolved from LAB_HOME) in the workspace; admission for the first `maxAdmitted` documents. */
export function validateManifests(ws: Workspace, paths: string[], maxAdmitted = Infinity): ValidateResult {
  const lab = new Lab({ workspace: ws });
  const loaded = loadManifests(ws, LAB_HOME, paths);
  const diagnostics: Diagnostic[] = loaded.problems.map((p) => ({
    file: p.file,
    line: Math.max(1, p.line),
    column: Math.max(1, p.column),
    field: p.field,
    message: p.message,
    severity: p.warning ? 'warning' : 'error',
  }));
  const locators = new Map<string, ManifestLocator>();
  const api = apiServer(lab.cluster);
  for (const doc of loaded.documents.slice(0, maxAdmitted)) {
    const obj = structuredClone(doc.obj);
    if (kindInfo(obj.kind)?.namespaced) obj.metadata.namespace ??= 'default';
    const r = api.apply(obj);
    if (r.ok) continue;
    const causes = r.error.details?.causes ?? [];
    if (causes.length === 0) {
      diagnostics.push({ file: doc.file, line: doc.line, column: 1, field: '', message: r.error.message, severity: 'error' });
      continue;
    }
    for (const c of causes) {
      const at = locator(locators, ws, doc).locate(doc.index, doc.line, c.field);
      diagnostics.push({ file: doc.file, ...at, field: c.field, message: c.message.startsWith(`${c.field}: `) ? c.message.slice(c.field.length + 2) : c.message, severity: 'error' });
    }
  }
  diagnostics.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  return { diagnostics, documents: loaded.documents.length };
}

function locator(cache: Map<string, ManifestLocator>, ws: Workspace, doc: LoadedDocument): ManifestLocator {
  let l = cache.get(doc.file);
  if (!l) {
    let text = '';
    try {
      // As the loader decodes (a BOM dropped), so offsets agree.
      text = new TextDecoder('utf-8').decode(ws.readBytes(Workspace.resolve(LAB_HOME, doc.file)));
    } catch {
      // Read by the loader a moment ago; if it is gone, the document's own line will do.
    }
    l = new ManifestLocator(text);
    cache.set(doc.file, l);
  }
  return l;
}
