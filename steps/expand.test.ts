import { test } from 'node:test';
import { expect } from 'chai';
import { expandVariables } from './expand.ts';

const vars = new Map([['IP', '10.42.0.5'], ['NAME', 'web']]);
const look = (n: string) => vars.get(n);

const rows: [string, string, string][] = [
  ['bare name', 'curl $IP:80', 'curl 10.42.0.5:80'],
  ['braced name', '${NAME}-0', 'web-0'],
  ['unset stays as written', 'echo $UNSET ${UNSET}', 'echo $UNSET ${UNSET}'],
  ['escaped dollar is literal', 'cost \\$IP', 'cost $IP'],
  ['name ends at a non-word char', '$IP.x', '10.42.0.5.x'],
  ['longest name wins', '$NAMES', '$NAMES'],
];
for (const [name, input, want] of rows) {
  test(`expandVariables: ${name}`, () => {
    expect(expandVariables(input, look)).to.equal(want);
  });
}
