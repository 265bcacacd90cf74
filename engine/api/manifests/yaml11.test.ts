/**
 * Scalars as go-yaml v2 resolves them (gopkg.in/yaml.v2 resolve.go: the
 * hint table, then ParseInt / yamlStyleFloat
 * `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`), which is what
 * kubectl reads manifests with (sigs.k8s.io/yaml).
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { parseYamlDocuments } from './yaml11.ts';

const value = (scalar: string): unknown => (parseYamlDocuments(`v: ${scalar}\n`).docs[0]!.toJS() as { v: unknown }).v;

describe('YAML 1.1 scalars as go-yaml v2 reads them', () => {
  const rows: Array<[string, unknown, string]> = [
    ['e1', 'e1', 'no digit before the exponent: a string (a NetworkPolicy named e1)'],
    ['E5', 'E5', 'upper-case E, no mantissa: a string'],
    ['.', '.', 'a lone dot: ParseFloat fails, a string'],
    ['.e3', '.e3', 'a dot with no digit: a string'],
    ['1e3', 1000, 'mantissa and exponent: a float'],
    ['+1.5E+3', 1500, 'signed, with a fraction'],
    ['1.', 1, 'trailing dot: a float'],
    ['-.5', -0.5, 'leading dot with digits: a float'],
    ['y', true, 'YAML 1.1 boolean (the namespace called y trap)'],
    ['0x1F', 31, 'hexadecimal int'],
  ];
  for (const [scalar, want, why] of rows) it(`${scalar} → ${JSON.stringify(want)}: ${why}`, () => {
    expect(value(scalar)).to.equal(want);
  });
});
