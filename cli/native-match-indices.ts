/**
 * Cucumber finds a step's arguments through the `regexp-match-indices`
 * package (the positions of a regexp's groups). Its fallback, chosen on
 * every Node, re-parses each step pattern with regexp-tree and wraps every
 * match in accessor properties; Node 20's own `d` flag gives the same
 * positions natively. Imported for its effect, before Cucumber loads:
 * kube-netlab's hundred step definitions are tried against every step of
 * every scenario (bench/scenario: ~0.5 ms per scenario; grading: ~3 ms per
 * submission). Plain `cucumber-js` runs keep the package as it is.
 */
import { Module, createRequire } from 'node:module';
import { dirname } from 'node:path';

const require = createRequire(import.meta.url);

/** The same regexp with the `d` flag, one per pattern. */
const withIndices = new WeakMap<RegExp, RegExp>();

/** regexp-match-indices' exec(regexp, string): the match, `indices` included. */
function nativeExec(regexp: RegExp, string: string): RegExpExecArray | null {
  let d = withIndices.get(regexp);
  if (!d) withIndices.set(regexp, (d = regexp.hasIndices ? regexp : new RegExp(regexp.source, `${regexp.flags}d`)));
  d.lastIndex = regexp.lastIndex;
  const m = d.exec(string);
  regexp.lastIndex = d.lastIndex;
  return m;
}

function install(): void {
  try {
    const expressions = dirname(require.resolve('@cucumber/cucumber-expressions'));
    const id = require.resolve('regexp-match-indices', { paths: [expressions] });
    if (require.cache[id]) {
      require.cache[id]!.exports = nativeExec;
      return;
    }
    // Without loading the package (and regexp-tree behind it): the module cache entry only.
    const mod = new Module(id);
    mod.filename = id;
    mod.loaded = true;
    mod.exports = nativeExec;
    require.cache[id] = mod;
  } catch {
    // Not where expected (another Cucumber layout): the package's own way still works.
  }
}

install();
