/**
 * Checks made on raw bytes and tokens before any YAML is composed (a
 * manifest may be hostile: LIBRARIES.md note 3). The yaml Lexer is not
 * recursive, so it measures flow depth safely; deep flow nesting would
 * otherwise crash V8's regexp compiler inside the composer.
 */
import { Lexer } from 'yaml';

export interface Limits {
  /** Bytes per file (the API server's request limit is about 3 MB). */
  maxFileBytes: number;
  maxDocuments: number;
  /** Nesting of `[` / `{`. */
  maxFlowDepth: number;
  /** Block nesting, measured by indentation columns. */
  maxIndent: number;
  maxAliasCount: number;
}

export const DEFAULT_LIMITS: Limits = { maxFileBytes: 1024 * 1024, maxDocuments: 500, maxFlowDepth: 64, maxIndent: 1000, maxAliasCount: 100 };

export type DecodeResult = { ok: true; text: string } | { ok: false; reason: 'utf8' | 'control'; offset: number };

/** UTF-8 text without a BOM; invalid UTF-8 and control characters are refused as go-yaml refuses them. */
export function decodeText(bytes: Uint8Array): DecodeResult {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, reason: 'utf8', offset: 0 };
  }
  // go-yaml's reader accepts tab, LF, CR, NEL and printable characters only.
  const bad = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.exec(text);
  if (bad) return { ok: false, reason: 'control', offset: bad.index };
  return { ok: true, text };
}

export interface TokenStats {
  flowDepth: number;
  documents: number;
  maxIndent: number;
}

/** One lexer pass: deepest flow nesting, number of `---` markers, widest indentation. */
export function tokenStats(src: string): TokenStats {
  let depth = 0;
  let flowDepth = 0;
  let documents = 0;
  let maxIndent = 0;
  for (const tok of new Lexer().lex(src)) {
    if (tok === '[' || tok === '{') flowDepth = Math.max(flowDepth, ++depth);
    else if (tok === ']' || tok === '}') depth = Math.max(0, depth - 1);
    else if (tok === '---') documents++;
    else if (tok.length > maxIndent && /^ +$/.test(tok)) maxIndent = tok.length;
  }
  return { flowDepth, documents, maxIndent };
}
