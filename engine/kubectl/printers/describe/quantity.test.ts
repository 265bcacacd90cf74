/**
 * resource.Quantity's canonical String() (apimachinery pkg/api/resource
 * quantity.go CanonicalizeBytes) and the Go time layouts describe prints
 * (time.RFC1123Z, time.Time.String()).
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { addQuantity, milliValue, parseQuantity, quantityString, value } from './quantity.ts';
import { goTimeString, rfc1123z } from './fields.ts';

const canon = (s: string) => {
  const q = parseQuantity(s);
  return q ? quantityString(q) : 'invalid';
};

describe('Quantity', () => {
  const rows: Array<[string, string]> = [
    ['100m', '100m'], ['2', '2'], ['0', '0'], ['1500m', '1500m'], ['2000m', '2'], ['0.5', '500m'], ['1.5k', '1500'],
    ['70Mi', '70Mi'], ['4005080Ki', '4005080Ki'], ['1024Ki', '1Mi'], ['512', '512'], ['1Gi', '1Gi'],
    ['18901476270', '18901476270'], ['1e3', '1e3'], ['128M', '128M'], ['0.5Gi', '512Mi'], ['abc', 'invalid'], ['1Qi', 'invalid'],
  ];
  for (const [input, want] of rows) it(`String() of ${input} is ${want}`, () => { expect(canon(input)).to.equal(want); });

  it('Add keeps the left format: 70Mi + 70Mi = 140Mi, 100m + 100m = 200m', () => {
    expect(quantityString(addQuantity(parseQuantity('70Mi')!, parseQuantity('70Mi')!))).to.equal('140Mi');
    expect(quantityString(addQuantity(parseQuantity('100m')!, parseQuantity('100m')!))).to.equal('200m');
  });
  it('MilliValue and Value round up', () => {
    expect(milliValue(parseQuantity('100m')!)).to.equal(100);
    expect(value(parseQuantity('100m')!)).to.equal(1);
    expect(value(parseQuantity('4005080Ki')!)).to.equal(4005080 * 1024);
  });
});

describe('Go time layouts (UTC)', () => {
  it('RFC1123Z', () => { expect(rfc1123z('2026-01-05T09:02:00Z')).to.equal('Mon, 05 Jan 2026 09:02:00 +0000'); });
  it('RFC1123Z of a zero time', () => { expect(rfc1123z(undefined)).to.equal('Mon, 01 Jan 0001 00:00:00 +0000'); });
  it('Time.String()', () => { expect(goTimeString('2026-01-05T09:02:00Z')).to.equal('2026-01-05 09:02:00 +0000 UTC'); });
  it('Time.String() with a fraction', () => { expect(goTimeString('2026-01-05T09:02:00.120Z')).to.equal('2026-01-05 09:02:00.12 +0000 UTC'); });
});
