/**
 * Rows transcribed from kubernetes/kubernetes
 * staging/src/k8s.io/apimachinery/pkg/util/duration/duration_test.go
 * (TestHumanDuration, TestHumanDurationBoundaries,
 * TestShortHumanDurationBoundaries). Go's `-2*time.Second + 1` (1 ns) is
 * written -1999 ms here: the model's clock has millisecond resolution.
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { humanDuration, shortHumanDuration, translateTimestampSince } from './duration.ts';

const S = 1000, M = 60 * S, H = 60 * M, D = 24 * H, Y = 365 * D;

const human: Array<[string, number, string]> = [
  ['1s', S, '1s'],
  ['70s', 70 * S, '70s'],
  ['190s', 190 * S, '3m10s'],
  ['70m', 70 * M, '70m'],
  ['47h', 47 * H, '47h'],
  ['49h', 49 * H, '2d1h'],
  ['8d2h', (8 * 24 + 2) * H, '8d'],
  ['367d', 367 * D, '367d'],
  ['2y25h', 2 * Y + 25 * H, '2y1d'],
  ['8y2h', 8 * Y + 2 * H, '8y'],
  // boundaries
  ['-2s', -2 * S, '<invalid>'],
  ['-2s+1ms', -1999, '0s'],
  ['0', 0, '0s'],
  ['1s-1ms', S - 1, '0s'],
  ['2m-1ms', 2 * M - 1, '119s'],
  ['2m', 2 * M, '2m'],
  ['2m1s', 2 * M + S, '2m1s'],
  ['10m-1ms', 10 * M - 1, '9m59s'],
  ['10m', 10 * M, '10m'],
  ['10m1s', 10 * M + S, '10m'],
  ['3h-1ms', 3 * H - 1, '179m'],
  ['3h', 3 * H, '3h'],
  ['3h1m', 3 * H + M, '3h1m'],
  ['8h-1ms', 8 * H - 1, '7h59m'],
  ['8h', 8 * H, '8h'],
  ['8h59m', 8 * H + 59 * M, '8h'],
  ['2d-1ms', 2 * D - 1, '47h'],
  ['2d', 2 * D, '2d'],
  ['2d1h', 2 * D + H, '2d1h'],
  ['8d-1ms', 8 * D - 1, '7d23h'],
  ['8d', 8 * D, '8d'],
  ['8d23h', 8 * D + 23 * H, '8d'],
  ['2y-1ms', 2 * Y - 1, '729d'],
  ['2y', 2 * Y, '2y'],
  ['2y23h', 2 * Y + 23 * H, '2y'],
  ['2y23h59m', 2 * Y + 23 * H + 59 * M, '2y'],
  ['2y24h-1ms', 2 * Y + 24 * H - 1, '2y'],
  ['2y24h', 2 * Y + 24 * H, '2y1d'],
  ['3y', 3 * Y, '3y'],
  ['4y', 4 * Y, '4y'],
  ['5y', 5 * Y, '5y'],
  ['6y', 6 * Y, '6y'],
  ['7y', 7 * Y, '7y'],
  ['8y-1ms', 8 * Y - 1, '7y364d'],
  ['8y', 8 * Y, '8y'],
  ['8y364d', 8 * Y + 364 * D, '8y'],
  ['9y', 9 * Y, '9y'],
  // the chapter's transcripts
  ['chapter 6s', 6 * S, '6s'],
  ['chapter 3m18s', 3 * M + 18 * S, '3m18s'],
  ['chapter 14m', 14 * M, '14m'],
  ['chapter 42h', 42 * H, '42h'],
  ['chapter 12d', 12 * D + 5 * H, '12d'],
  ['chapter 24d', 24 * D, '24d'],
];

const short: Array<[string, number, string]> = [
  ['-2s', -2 * S, '<invalid>'],
  ['-2s+1ms', -1999, '0s'],
  ['0', 0, '0s'],
  ['1s-1ms', S - 1, '0s'],
  ['1s', S, '1s'],
  ['2s-1ms', 2 * S - 1, '1s'],
  ['1m-1ms', M - 1, '59s'],
  ['1m', M, '1m'],
  ['2m-1ms', 2 * M - 1, '1m'],
  ['1h-1ms', H - 1, '59m'],
  ['1h', H, '1h'],
  ['2h-1ms', 2 * H - 1, '1h'],
  ['24h-1ms', D - 1, '23h'],
  ['24h', D, '1d'],
  ['2d-1ms', 2 * D - 1, '1d'],
  ['365d-1ms', Y - 1, '364d'],
  ['365d', Y, '1y'],
  ['2y-1ms', 2 * Y - 1, '1y'],
  ['2y', 2 * Y, '2y'],
];

describe('humanDuration (apimachinery duration.HumanDuration)', () => {
  for (const [name, ms, want] of human) it(name, () => { expect(humanDuration(ms)).to.equal(want); });
});

describe('shortHumanDuration (apimachinery duration.ShortHumanDuration)', () => {
  for (const [name, ms, want] of short) it(name, () => { expect(shortHumanDuration(ms)).to.equal(want); });
});

describe('translateTimestampSince', () => {
  const now = Date.parse('2026-01-05T09:03:18Z');
  it('ages a creationTimestamp', () => { expect(translateTimestampSince('2026-01-05T09:00:00Z', now)).to.equal('3m18s'); });
  it('prints <unknown> for a missing timestamp', () => { expect(translateTimestampSince(undefined, now)).to.equal('<unknown>'); });
  it('prints <unknown> for garbage', () => { expect(translateTimestampSince('yesterday', now)).to.equal('<unknown>'); });
});
