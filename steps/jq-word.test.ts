import { describe, it } from 'node:test';
import { expect } from 'chai';
import { mayUseJq } from './jq-word.ts';

describe('mayUseJq', () => {
  const rows: [string, string, boolean][] = [
    ['a pipe into jq', "kubectl get pods -o json | jq -r '.items[].metadata.name'", true],
    ['jq at the start of a line', "echo '{}' > a.json\njq . a.json", true],
    ['jq by its path', '/usr/bin/jq --version', true],
    ['jq run in a pod', 'kubectl exec tools -- jq -n 1', true],
    ['jq in a quoted sh -c script', `sh -c "jq -n 1"`, true],
    ['no jq at all', 'kubectl get pods -o wide', false],
    ['jq inside another word', 'echo jquery jq-web my.jq xjq', false],
  ];
  for (const [name, text, expected] of rows) {
    it(name, () => {
      expect(mayUseJq(text)).to.equal(expected);
    });
  }
});
