/**
 * The two decisions go-yaml v2 (sigs.k8s.io/yaml/goyaml.v2, v1.4.0) makes
 * before emitting: would a string, written plain, read back as another type
 * (resolve.go `resolve` + encode.go `isBase60Float`), and in which order map
 * keys go (sorter.go `keyList.Less`, a "natural" order: digit runs compare
 * as numbers, non-letters before letters).
 */

const RESOLVE_MAP = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '', '~', 'null', 'Null', 'NULL',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
  '<<',
]);

/** resolve.go's resolveTable: the first byte hints at the type. */
function hint(s: string): string | undefined {
  if (s === '') return 'N';
  const c = s[0]!;
  if (c === '+' || c === '-') return 'S';
  if (c >= '0' && c <= '9') return 'D';
  if ('yYnNtTfFoO~'.includes(c)) return 'M';
  if (c === '.') return '.';
  return undefined;
}

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
/** strconv.ParseInt/ParseUint with base 0 (sign, 0x, 0o, 0b, leading-0 octal). */
const GO_INT = /^[-+]?(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** resolve.go parseTimestamp: the four time.Parse layouts go-yaml v2 accepts. */
export function isYamlTimestamp(s: string): boolean {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(?:Z|[+-](\d{2}):(\d{2})))|(?: (\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?))?$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return false;
  const h = Number(m[4] ?? m[9] ?? 0), mi = Number(m[5] ?? m[10] ?? 0), se = Number(m[6] ?? m[11] ?? 0);
  if (h > 23 || mi > 59 || se > 59) return false;
  if (m[7] !== undefined && (Number(m[7]) > 24 || Number(m[8]) > 59)) return false;
  return true;
}

function resolvesToNonString(s: string): boolean {
  const h = hint(s);
  if (h === undefined) return false;
  if (RESOLVE_MAP.has(s)) return true;
  switch (h) {
    case '.': return /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s);
    case 'D':
    case 'S': {
      if (isYamlTimestamp(s)) return true;
      const plain = s.replace(/_/g, '');
      if (GO_INT.test(plain)) return true;
      if (YAML_STYLE_FLOAT.test(plain) && Number.isFinite(Number(plain))) return true;
      return /^-0b[01]+$/.test(plain);
    }
    default: return false;
  }
}

/** encode.go stringv: may this string be written plain (unquoted) at all? */
export function canUsePlain(s: string): boolean {
  if (resolvesToNonString(s)) return false;
  const c = s[0];
  const base60 = !!c && (c === '+' || c === '-' || (c >= '0' && c <= '9')) && s.includes(':') && BASE60_FLOAT.test(s);
  return !base60;
}

const isLetter = (c: string) => /\p{L}/u.test(c);
const isDigit = (c: string) => /\p{Nd}/u.test(c);

/** sorter.go keyList.Less for two string keys. */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = [...a], br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]!), bl = isLetter(br[i]!);
    if (al && bl) return ar[i]!.codePointAt(0)! < br[i]!.codePointAt(0)!;
    if (al || bl) return bl;
    let an = 0, bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]!); j--) {
        if (ar[j] !== '0') { an = 1; bn = 1; break; }
      }
    }
    let ai = i, bi = i;
    for (; ai < ar.length && isDigit(ar[ai]!); ai++) an = an * 10 + (ar[ai]!.codePointAt(0)! - 48);
    for (; bi < br.length && isDigit(br[bi]!); bi++) bn = bn * 10 + (br[bi]!.codePointAt(0)! - 48);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i]!.codePointAt(0)! < br[i]!.codePointAt(0)!;
  }
  return ar.length < br.length;
}

export function compareYamlKeys(a: string, b: string): number {
  return yamlKeyLess(a, b) ? -1 : yamlKeyLess(b, a) ? 1 : 0;
}
