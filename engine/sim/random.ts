/**
 * The seeded random source. Every choice that looks random in Kubernetes
 * (pod name suffixes, cluster IPs, node ports, kube-proxy's endpoint pick)
 * goes through one of these, so the same seed gives the same cluster.
 *
 * `fork(label)` derives an independent stream, so that adding a draw in one
 * place (say, one more pod) does not shift the numbers drawn elsewhere.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(readonly seed: string | number = 'kube-netlab') {
    const h = cyrb128(String(seed));
    [this.a, this.b, this.c, this.d] = h;
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** sfc32: small, fast, and good enough for simulation. */
  nextUint32(): number {
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer in [min, max], both included, without modulo bias. */
  int(min: number, max: number): number {
    const span = max - min + 1;
    if (!(span > 0) || span > 4294967296) throw new RangeError(`bad range [${min}, ${max}]`);
    const limit = 4294967296 - (4294967296 % span);
    let x = this.nextUint32();
    while (x >= limit) x = this.nextUint32();
    return min + (x % span);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[this.int(0, items.length - 1)] as T;
  }

  /** A string of `n` characters from `alphabet`. */
  string(n: number, alphabet: string): string {
    // One flat string: `s +=` per character would keep a chain of n cons-string cells (~1 KB per UID) alive.
    // The same draws as int(0, alphabet.length - 1) per character.
    const span = alphabet.length;
    if (n > 0 && !(span > 0)) throw new RangeError(`bad range [0, ${span - 1}]`);
    const limit = 4294967296 - (4294967296 % span);
    const codes: number[] = new Array(n);
    for (let i = 0; i < n; i++) {
      let x = this.nextUint32();
      while (x >= limit) x = this.nextUint32();
      codes[i] = alphabet.charCodeAt(x % span);
    }
    return String.fromCharCode.apply(null, codes);
  }

  /** An independent stream derived from this seed and a label. */
  fork(label: string): Random {
    return new Random(`${this.seed}/${label}`);
  }
}

/**
 * The alphabet of Kubernetes' generated names (k8s.io/apimachinery
 * pkg/util/rand: no vowels, no confusable characters).
 */
export const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** A 128-bit string hash (cyrb128), used to seed sfc32 from a label. */
function cyrb128(str: string): [number, number, number, number] {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** FNV-1a 32-bit, for stable hashes such as a Deployment's pod-template-hash. */
export function fnv32a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
