import { describe, it } from 'node:test';
import { expect } from 'chai';
import { clusterDiagram, requestsOf } from './diagram.ts';
import { toHtml } from './html.ts';
import { buildReport } from './model.ts';
import { META, SCENARIOS } from './testdata/failing-run.ts';

const report = buildReport(SCENARIOS, META);
const html = toHtml(report);

describe('report.html (as text)', () => {
  it('is one page with no script and no external resource', () => {
    expect(html.startsWith('<!DOCTYPE html>')).to.equal(true);
    expect(html).not.to.match(/<(script|link|img|iframe|object|embed)\b/i);
    expect(html).not.to.match(/<[^>]*\s(src|href)=/i);
    expect(html).not.to.match(/url\((?!#)/i);
    expect(html).to.include(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
  });

  it('student text is escaped everywhere (output, failure, reasons, labels, hop details)', () => {
    expect(html).to.include('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).to.include('&lt;b&gt;everywhere&lt;/b&gt;');
    expect(html).to.include('default/&lt;img src=x onerror=alert(1)&gt;');
    expect(html).to.include('&lt;/text&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(html).not.to.match(/[\x00-\x08\x0b\x0c\x0e-\x1f\x1b]/);
  });

  it('puts the summary first, then the failed scenarios, then the passed ones', () => {
    const at = (s: string) => html.indexOf(s);
    expect(at('id="summary"')).to.be.greaterThan(0);
    expect(at('id="summary"')).to.be.lessThan(at('id="failed"'));
    expect(at('id="failed"')).to.be.lessThan(at('id="passed"'));
    expect(html.match(/<article class="scenario failed"/g)).to.have.length(3);
  });

  it('the same report renders to the same bytes', () => {
    expect(toHtml(buildReport(SCENARIOS, META))).to.equal(html);
  });

  it("lists the submission's own problems, located and escaped, after the summary", () => {
    const html = toHtml(buildReport(SCENARIOS, { ...META, problems: [{ code: 'MANIFEST_ERROR', path: 'K8S/CH05/web.yaml', line: 12, message: 'spec.ports[0].nodePort: <b>80</b> not in range' }] }));
    expect(html).to.contain('Problems with the submission (1)');
    expect(html).to.contain('<code>K8S/CH05/web.yaml:12</code>');
    expect(html).to.contain('&lt;b&gt;80&lt;/b&gt;');
    expect(html.indexOf('id="problems"')).to.be.greaterThan(html.indexOf('id="summary"'));
    expect(html.indexOf('id="problems"')).to.be.lessThan(html.indexOf('id="failed"'));
    expect(toHtml(buildReport(SCENARIOS, META))).not.to.contain('id="problems"');
  });

  it('an all-green run says so', () => {
    const green = toHtml(buildReport([SCENARIOS[0]!], META));
    expect(green).to.include('None: every scenario passed.');
  });
});

describe('cluster diagram', () => {
  const nodePort = report.scenarios[1]!;

  it('draws the request from the failed run\'s note hops when the snapshot has none', () => {
    expect(requestsOf(nodePort).map((t) => [t.from, t.to, t.ok, t.hops.length])).to.deep.equal([['192.168.164.2', '10.43.12.34:80', false, 3]]);
  });

  it('nodes, their pods and the Services are boxes; kube-system pods only when the path touches them', () => {
    const svg = clusterDiagram(nodePort, 'd1')!.svg;
    expect(svg).to.include('node k3s-server').and.to.include('node k3s-agent');
    expect(svg).to.include('default/mynginx-5b686ccd46-xj7qp').and.to.include('svc default/mynginx');
    expect(svg).not.to.include('coredns');
    expect(svg.match(/<line /g)).to.have.length(1); // node -> service (the nodeport hop is on the same node box)
    expect(svg).to.include('class="stop"');
  });

  it('uses the snapshot\'s own requests when it has them', () => {
    const d = clusterDiagram(report.scenarios[3]!, 'd2')!;
    expect(d.traces.map((t) => t.from)).to.deep.equal(['terminal']);
    expect(d.svg.match(/<line /g)).to.have.length(2); // terminal -> LB service -> pod
  });

  it('no snapshot and no hops: no diagram', () => {
    expect(clusterDiagram(report.scenarios[2]!, 'd3')).to.equal(undefined);
  });
});
