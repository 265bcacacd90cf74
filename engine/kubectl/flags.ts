/**
 * Command-line flags as spf13/pflag parses them for kubectl (cobra with
 * interspersed flags): `--name=value`, `--name value`, `-n value`, `-nvalue`,
 * `-n=value`, grouped booleans `-it`, `--` ending the flags, and pflag's own
 * error texts (spf13/pflag errors.go, flag.go parseLongArg /
 * parseSingleShortArg, v1.0.9 as vendored by kubectl 1.33).
 */

export type FlagKind =
  | 'bool'
  | 'string'
  /** StringArray: repeatable, no comma splitting (`--env`, `-f` in some commands). */
  | 'stringArray'
  /** StringSlice: repeatable and comma-split (`-f`, `--image` of create deployment). */
  | 'stringSlice'
  | 'int';

export interface FlagSpec {
  name: string;
  short?: string;
  kind: FlagKind;
  /** pflag's NoOptDefVal: the value a bare `--flag` takes (`--dry-run` → "unchanged"). */
  noOptDefVal?: string;
}

export type FlagValue = string | boolean | number | string[];

export interface ParsedArgs {
  /** Only the flags the user set, by long name. */
  values: Map<string, FlagValue>;
  /** Positional arguments, including those after `--`. */
  args: string[];
  /** Index in `args` where `--` stood, or -1 (cobra's ArgsLenAtDash). */
  argsLenAtDash: number;
}

export type ParseResult = { ok: true; parsed: ParsedArgs } | { ok: false; message: string };

export class FlagSet {
  private readonly byName = new Map<string, FlagSpec>();
  private readonly byShort = new Map<string, FlagSpec>();

  constructor(specs: readonly FlagSpec[]) {
    for (const s of specs) {
      this.byName.set(s.name, s);
      if (s.short) this.byShort.set(s.short, s);
    }
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  parse(argv: readonly string[]): ParseResult {
    const values = new Map<string, FlagValue>();
    const args: string[] = [];
    let argsLenAtDash = -1;
    const rest = [...argv];
    while (rest.length > 0) {
      const s = rest.shift()!;
      if (s.length < 2 || s[0] !== '-') {
        args.push(s);
        continue;
      }
      if (s === '--') {
        argsLenAtDash = args.length;
        args.push(...rest);
        break;
      }
      const err = s[1] === '-' ? this.parseLong(s, rest, values) : this.parseShort(s, rest, values);
      if (err) return { ok: false, message: err };
    }
    return { ok: true, parsed: { values, args, argsLenAtDash } };
  }

  private parseLong(s: string, rest: string[], values: Map<string, FlagValue>): string | undefined {
    const body = s.slice(2);
    if (body.length === 0 || body[0] === '-' || body[0] === '=') return `bad flag syntax: ${s}`;
    const eq = body.indexOf('=');
    const name = eq >= 0 ? body.slice(0, eq) : body;
    const flag = this.byName.get(name);
    if (!flag) return `unknown flag: --${name}`;
    let value: string;
    if (eq >= 0) value = body.slice(eq + 1);
    else if (noOpt(flag) !== undefined) value = noOpt(flag)!;
    else if (rest.length > 0) value = rest.shift()!;
    else return `flag needs an argument: --${name}`;
    return this.set(flag, value, values);
  }

  private parseShort(s: string, rest: string[], values: Map<string, FlagValue>): string | undefined {
    let shorthands = s.slice(1);
    while (shorthands.length > 0) {
      const c = shorthands[0]!;
      const flag = this.byShort.get(c);
      if (!flag) return `unknown shorthand flag: '${c}' in -${shorthands}`;
      let value: string;
      if (shorthands.length > 2 && shorthands[1] === '=') {
        value = shorthands.slice(2);
        shorthands = '';
      } else if (noOpt(flag) !== undefined) {
        value = noOpt(flag)!;
        shorthands = shorthands.slice(1);
      } else if (shorthands.length > 1) {
        value = shorthands.slice(1);
        shorthands = '';
      } else if (rest.length > 0) {
        value = rest.shift()!;
        shorthands = '';
      } else {
        return `flag needs an argument: '${c}' in -${shorthands}`;
      }
      const err = this.set(flag, value, values);
      if (err) return err;
    }
    return undefined;
  }

  /** Store a value; conversion errors read as pflag's InvalidValueError. */
  private set(flag: FlagSpec, value: string, values: Map<string, FlagValue>): string | undefined {
    const invalid = (cause: string) =>
      `invalid argument "${value}" for "${flag.short ? `-${flag.short}, --${flag.name}` : `--${flag.name}`}" flag: ${cause}`;
    switch (flag.kind) {
      case 'bool': {
        const b = parseGoBool(value);
        if (b === undefined) return invalid(`strconv.ParseBool: parsing "${value}": invalid syntax`);
        values.set(flag.name, b);
        return undefined;
      }
      case 'int': {
        if (!/^[+-]?\d+$/.test(value)) return invalid(`strconv.ParseInt: parsing "${value}": invalid syntax`);
        values.set(flag.name, Number(value));
        return undefined;
      }
      case 'stringArray': {
        const prev = (values.get(flag.name) as string[] | undefined) ?? [];
        values.set(flag.name, [...prev, value]);
        return undefined;
      }
      case 'stringSlice': {
        const prev = (values.get(flag.name) as string[] | undefined) ?? [];
        values.set(flag.name, [...prev, ...(value === '' ? [] : value.split(','))]);
        return undefined;
      }
      default:
        values.set(flag.name, value);
        return undefined;
    }
  }
}

function noOpt(flag: FlagSpec): string | undefined {
  if (flag.noOptDefVal !== undefined) return flag.noOptDefVal;
  return flag.kind === 'bool' ? 'true' : undefined;
}

/** strconv.ParseBool */
export function parseGoBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

/** Typed reads of a parse result. */
export class Flags {
  constructor(readonly parsed: ParsedArgs) {}
  get args(): string[] {
    return this.parsed.args;
  }
  changed(name: string): boolean {
    return this.parsed.values.has(name);
  }
  str(name: string, def = ''): string {
    const v = this.parsed.values.get(name);
    return typeof v === 'string' ? v : def;
  }
  bool(name: string, def = false): boolean {
    const v = this.parsed.values.get(name);
    return typeof v === 'boolean' ? v : def;
  }
  int(name: string, def: number): number {
    const v = this.parsed.values.get(name);
    return typeof v === 'number' ? v : def;
  }
  list(name: string): string[] {
    const v = this.parsed.values.get(name);
    return Array.isArray(v) ? v : [];
  }
}
