/**
 * kubectl pkg/cmd/get/customcolumn.go behaviour: relaxed paths, `<none>`,
 * comma-joined multiple values, fmt.Sprint of maps, the table tabwriter.
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { printCustomColumns, relaxedJsonPathExpression } from './customcolumns.ts';
import * as o from './testdata/objects.ts';

describe('custom-columns', () => {
  it('relaxes paths like RelaxedJSONPathExpression', () => {
    for (const p of ['.metadata.name', 'metadata.name', '{metadata.name}', '{.metadata.name}']) expect(relaxedJsonPathExpression(p)).to.deep.equal({ ok: true, value: '{.metadata.name}' });
  });
  it('prints a padded table with <none> for missing values', () => {
    expect(printCustomColumns('NAME:.metadata.name,IP:.status.podIP,NODE:.spec.nodeName', [o.mynginx, o.pendingPod])).to.deep.equal({ ok: true, value:
      'NAME      IP            NODE\nmynginx   10.42.0.226   master\nbig       <none>        <none>\n' });
  });
  it('joins several values with commas and prints maps as Go does', () => {
    expect(printCustomColumns('PORTS:.spec.ports[*].port,SEL:.spec.selector', [o.kubeDns])).to.deep.equal({ ok: true, value:
      'PORTS        SEL\n53,53,9153   map[k8s-app:kube-dns]\n' });
  });
  it('spec errors use kubectl wording', () => {
    expect(printCustomColumns('NAME', [])).to.deep.equal({ ok: false, message: 'unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>' });
    expect(printCustomColumns('', [])).to.deep.equal({ ok: false, message: 'custom-columns format specified but no custom columns given' });
  });
});
