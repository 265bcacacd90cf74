/**
 * Just enough of apimachinery pkg/api/resource.Quantity for describe's
 * resource sections: parse the serialized form, add, compare, and print the
 * canonical String() (CanonicalizeBytes). Values are kept as a BigInt count
 * of nano-units, the finest scale a Quantity keeps (finer input is rounded
 * up, as Go does).
 */

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  nano: bigint;
  format: QuantityFormat;
}

const NANO = 1_000_000_000n;
const DECIMAL_SUFFIX: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIX: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

export const ZERO: Quantity = { nano: 0n, format: 'DecimalSI' };

/** resource.ParseQuantity; undefined for a malformed string. */
export function parseQuantity(text: unknown): Quantity | undefined {
  if (typeof text === 'number' && Number.isFinite(text)) text = String(text);
  if (typeof text !== 'string') return undefined;
  const m = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(.*)$/.exec(text.trim());
  if (!m) return undefined;
  const [, sign, num, suffix] = m as unknown as [string, string, string, string];
  const [intPart, fracPart = ''] = num.split('.');
  const digits = BigInt(`${intPart || '0'}${fracPart}`);
  let format: QuantityFormat;
  let value: bigint; // nano-units times 10^(fraction digits)
  const divisor = 10n ** BigInt(fracPart.length);
  if (suffix in DECIMAL_SUFFIX) {
    format = 'DecimalSI';
    value = scaleDecimal(digits * NANO, DECIMAL_SUFFIX[suffix]!);
  } else if (suffix in BINARY_SUFFIX) {
    format = 'BinarySI';
    value = digits * NANO * (1n << BigInt(BINARY_SUFFIX[suffix]!));
  } else if (/^[eE][+-]?\d+$/.test(suffix)) {
    format = 'DecimalExponent';
    value = scaleDecimal(digits * NANO, Number(suffix.slice(1)));
  } else {
    return undefined;
  }
  // Round up what is finer than a nano-unit, as Quantity does.
  let nano = value / divisor + (value % divisor === 0n ? 0n : 1n);
  if (sign === '-') nano = -nano;
  return { nano, format };
}

function scaleDecimal(v: bigint, exp: number): bigint {
  if (exp >= 0) return v * 10n ** BigInt(exp);
  const d = 10n ** BigInt(-exp);
  return v / d + (v % d === 0n ? 0n : 1n);
}

/** q.Add(y): the result keeps the left operand's format. */
export function addQuantity(q: Quantity, y: Quantity): Quantity {
  return { nano: q.nano + y.nano, format: q.format };
}

export function cmpQuantity(q: Quantity, y: Quantity): number {
  return q.nano < y.nano ? -1 : q.nano > y.nano ? 1 : 0;
}

const ceilDiv = (v: bigint, d: bigint) => (v >= 0n ? (v + d - 1n) / d : v / d);
/** q.MilliValue(): rounded up. */
export const milliValue = (q: Quantity): number => Number(ceilDiv(q.nano, 1_000_000n));
/** q.Value(): rounded up. */
export const value = (q: Quantity): number => Number(ceilDiv(q.nano, NANO));

const SI_SUFFIX: Record<number, string> = { [-9]: 'n', [-6]: 'u', [-3]: 'm', 0: '', 3: 'k', 6: 'M', 9: 'G', 12: 'T', 15: 'P', 18: 'E' };
const BIN_SUFFIX = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

/** Quantity.String(): CanonicalizeBytes. */
export function quantityString(q: Quantity): string {
  if (q.nano === 0n) return '0';
  let format = q.format;
  if (format === 'BinarySI') {
    const small = q.nano > -1024n * NANO && q.nano < 1024n * NANO;
    // Small values, and values with a fraction, are shown in DecimalSI to avoid rounding.
    if (small || q.nano % NANO !== 0n) format = 'DecimalSI';
  }
  const neg = q.nano < 0n;
  let mant = neg ? -q.nano : q.nano;
  if (format === 'BinarySI') {
    mant /= NANO;
    let exp = 0;
    while (exp < 6 && mant % 1024n === 0n) { mant /= 1024n; exp++; }
    return `${neg ? '-' : ''}${mant}${BIN_SUFFIX[exp]}`;
  }
  let exp = -9;
  while (exp < 18 && mant % 1000n === 0n) { mant /= 1000n; exp += 3; }
  const suffix = format === 'DecimalSI' ? SI_SUFFIX[exp]! : exp === 0 ? '' : `e${exp}`;
  return `${neg ? '-' : ''}${mant}${suffix}`;
}

export type ResourceList = Map<string, Quantity>;

/** A ResourceList from its JSON form; malformed quantities are left out. */
export function resourceList(obj: unknown): ResourceList {
  const out: ResourceList = new Map();
  if (!obj || typeof obj !== 'object') return out;
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    const q = parseQuantity(v);
    if (q) out.set(k, q);
  }
  return out;
}

/** addResourceList: sum into `list`. */
export function addResourceList(list: ResourceList, add: ResourceList): void {
  for (const [k, q] of add) list.set(k, list.has(k) ? addQuantity(list.get(k)!, q) : q);
}

/** maxResourceList: keep the larger of each. */
export function maxResourceList(list: ResourceList, other: ResourceList): void {
  for (const [k, q] of other) if (!list.has(k) || cmpQuantity(q, list.get(k)!) > 0) list.set(k, q);
}
