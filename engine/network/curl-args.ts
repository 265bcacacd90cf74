/**
 * curl's command line, the part labs use: short flags bundled (`-sS`,
 * `-sSo /dev/null`, `-m1`), long options with `=` or a separate value.
 */
export interface CurlOptions {
  silent: boolean;
  showError: boolean;
  verbose: boolean;
  include: boolean;
  head: boolean;
  output?: string;
  writeOut?: string;
  maxTime?: number;
  connectTimeout?: number;
  headers: string[];
  location: boolean;
  fail: boolean;
  method?: string;
  data?: string;
  userAgent?: string;
  urls: string[];
}

export type ParseResult = { ok: true; opts: CurlOptions } | { ok: false; option: string; reason: 'is unknown' | 'requires parameter' | 'expected a proper numerical parameter' };

/** Options taking a value: long name → key. */
const WITH_VALUE: Record<string, string> = {
  '-o': 'output', '--output': 'output',
  '-w': 'writeOut', '--write-out': 'writeOut',
  '-m': 'maxTime', '--max-time': 'maxTime',
  '--connect-timeout': 'connectTimeout',
  '-H': 'header', '--header': 'header',
  '-X': 'method', '--request': 'method',
  '-d': 'data', '--data': 'data', '--data-raw': 'data', '--data-binary': 'data',
  '-A': 'userAgent', '--user-agent': 'userAgent',
  '--retry': 'ignore', '--cacert': 'ignore', '--resolve': 'ignore', '-u': 'ignore', '--user': 'ignore',
};

const FLAGS: Record<string, keyof CurlOptions | 'ignore'> = {
  '-s': 'silent', '--silent': 'silent',
  '-S': 'showError', '--show-error': 'showError',
  '-v': 'verbose', '--verbose': 'verbose',
  '-i': 'include', '--include': 'include',
  '-I': 'head', '--head': 'head',
  '-L': 'location', '--location': 'location',
  '-f': 'fail', '--fail': 'fail',
  '-k': 'ignore', '--insecure': 'ignore', '-4': 'ignore', '--ipv4': 'ignore', '--http1.1': 'ignore', '-N': 'ignore', '--no-buffer': 'ignore', '--compressed': 'ignore',
};

export function parseCurlArgs(args: readonly string[]): ParseResult {
  const o: CurlOptions = { silent: false, showError: false, verbose: false, include: false, head: false, headers: [], location: false, fail: false, urls: [] };
  const setValue = (opt: string, key: string, value: string): ParseResult | undefined => {
    switch (key) {
      case 'maxTime':
      case 'connectTimeout': {
        const n = Number(value);
        if (!/^\d+(\.\d+)?$/.test(value) || !Number.isFinite(n)) return { ok: false, option: opt, reason: 'expected a proper numerical parameter' };
        o[key] = n;
        return undefined;
      }
      case 'header': o.headers.push(value); return undefined;
      case 'ignore': return undefined;
      default: (o as unknown as Record<string, string>)[key] = value; return undefined;
    }
  };
  let endOfOptions = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (endOfOptions || !a.startsWith('-') || a === '-') {
      o.urls.push(a);
      continue;
    }
    if (a === '--') { endOfOptions = true; continue; }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(0, eq) : a;
      if (FLAGS[name]) { setFlag(o, FLAGS[name]!); continue; }
      const key = WITH_VALUE[name];
      if (!key) return { ok: false, option: a, reason: 'is unknown' };
      const value = eq > 0 ? a.slice(eq + 1) : args[++i];
      if (value === undefined) return { ok: false, option: a, reason: 'requires parameter' };
      const err = setValue(name, key, value);
      if (err) return err;
      continue;
    }
    // Bundled short options: -sSL, -sSo file, -m1
    for (let j = 1; j < a.length; j++) {
      const s = `-${a[j]}`;
      if (FLAGS[s]) { setFlag(o, FLAGS[s]!); continue; }
      const key = WITH_VALUE[s];
      if (!key) return { ok: false, option: s, reason: 'is unknown' };
      const rest = a.slice(j + 1);
      const value = rest.length > 0 ? rest : args[++i];
      if (value === undefined) return { ok: false, option: s, reason: 'requires parameter' };
      const err = setValue(s, key, value);
      if (err) return err;
      break;
    }
  }
  return { ok: true, opts: o };
}

function setFlag(o: CurlOptions, key: keyof CurlOptions | 'ignore'): void {
  if (key !== 'ignore') (o as unknown as Record<string, boolean>)[key] = true;
}

export interface ParsedUrl {
  scheme: 'http' | 'https';
  host: string;
  port: number;
  /** Path and query, at least `/`. */
  path: string;
  /** Was the port written in the URL? */
  explicitPort: boolean;
}

/** curl's URL guessing: no scheme means http. */
export function parseUrl(url: string): ParsedUrl | { error: 'unsupported-scheme'; scheme: string } | { error: 'malformed' } {
  let rest = url;
  let scheme = 'http';
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(url);
  if (m) {
    scheme = m[1]!.toLowerCase();
    rest = url.slice(m[0].length);
  }
  if (scheme !== 'http' && scheme !== 'https') return { error: 'unsupported-scheme', scheme: m![1]! };
  const slash = rest.search(/[/?#]/);
  const authority = slash < 0 ? rest : rest.slice(0, slash);
  let path = slash < 0 ? '/' : rest.slice(slash);
  if (path.startsWith('?')) path = `/${path}`;
  path = path.split('#')[0]!;
  const hp = /^(?:[^@]*@)?([^:]+)(?::(\d*))?$/.exec(authority);
  if (!hp) return { error: 'malformed' };
  const explicitPort = hp[2] !== undefined && hp[2] !== '';
  const port = explicitPort ? Number(hp[2]) : scheme === 'https' ? 443 : 80;
  if (port > 65535) return { error: 'malformed' };
  return { scheme: scheme as 'http' | 'https', host: hp[1]!.toLowerCase(), port, path, explicitPort };
}
