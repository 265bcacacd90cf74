import { describe, it } from 'node:test';
import { expect } from 'chai';
import { parseIpv4 } from './ip.ts';

describe('parseIpv4 (hand-scanned dotted quads)', () => {
  const rows: Array<[string, number | undefined]> = [
    ['10.42.0.5', 0x0a2a0005],
    ['0.0.0.0', 0],
    ['255.255.255.255', 0xffffffff],
    ['01.002.003.004', 0x01020304], // leading zeros are digits, as the old /^(\d{1,3})\.…$/ read them
    ['256.1.1.1', undefined],
    ['1.2.3.256', undefined],
    ['1.2.3', undefined],
    ['1.2.3.4.5', undefined],
    ['1..2.3', undefined],
    ['.1.2.3', undefined],
    ['1.2.3.', undefined],
    ['1234.1.1.1', undefined],
    ['1.2.3.4 ', undefined],
    ['1.2.3.4/32', undefined],
    ['a.b.c.d', undefined],
    ['', undefined],
  ];
  for (const [text, want] of rows) it(JSON.stringify(text), () => { expect(parseIpv4(text)).to.equal(want); });
});
