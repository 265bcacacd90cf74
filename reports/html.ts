/**
 * report.html: one self-contained page (inline CSS and SVG, no script, no
 * external resource; a Content-Security-Policy forbids both in case a
 * student's text ever slipped through). Order: the summary per Service type
 * and tag, then each failed scenario (failure, reasons, cluster diagram with
 * the request's path, transcript), then the passed ones, compactly.
 * Everything a student controls is escaped.
 */
import { clusterDiagram } from './diagram.ts';
import type { LabReport, ReportGroup, ReportScenario } from './model.ts';
import { cleanText, escapeXml, formatPoints, truncate } from './text.ts';

const esc = (s: string): string => escapeXml(s, true);

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2327;background:#f6f7f9}
main{max-width:1200px;margin:0 auto;padding:16px 24px 48px}
h1{font-size:22px;margin:8px 0 4px}h2{font-size:18px;margin:28px 0 10px;border-bottom:2px solid #d0d7de;padding-bottom:4px}
h3{font-size:16px;margin:0 0 6px}h4{font-size:13px;margin:14px 0 4px;text-transform:uppercase;letter-spacing:.04em;color:#57606a}
.meta{color:#57606a;font-size:12px}.score{font-size:18px;font-weight:600}
table{border-collapse:collapse;background:#fff;min-width:480px}th,td{border:1px solid #d0d7de;padding:4px 10px;text-align:left}
th{background:#eef1f4}td.num{text-align:right;font-variant-numeric:tabular-nums}
tr.group-service-type td:first-child{font-weight:600}tr.group-all td{font-weight:600;background:#f0f3f6}
.bad{color:#c62828}.good{color:#2e7d32}
article.scenario{background:#fff;border:1px solid #d0d7de;border-left:6px solid #c62828;border-radius:6px;padding:12px 16px;margin:14px 0}
.where{color:#57606a;font-size:12px;margin:0 0 6px}.tag{display:inline-block;background:#eef1f4;border-radius:10px;padding:0 7px;margin-right:4px;font-size:12px}
pre{background:#0d1117;color:#e6edf3;padding:10px 12px;border-radius:6px;overflow-x:auto;white-space:pre-wrap;word-break:break-word;margin:4px 0;font:12.5px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
pre.failure{background:#fff5f5;color:#6e1111;border:1px solid #f1c0c0}
ul.reasons{margin:4px 0;padding-left:20px}ul.reasons li{background:#fff8e1;border:1px solid #f0d98c;border-radius:4px;padding:4px 8px;margin:4px 0;list-style:square}
.cmd{color:#79c0ff}.exit{color:#ffa198}
ol.steps{margin:4px 0;padding-left:22px;font-size:13px}ol.steps li.failed,ol.steps li.undefined,ol.steps li.ambiguous{color:#c62828;font-weight:600}ol.steps li.skipped{color:#8c959f}
figure{margin:8px 0;overflow-x:auto}figcaption{font-size:12px;color:#57606a}
ol.hops{font-size:12.5px;margin:4px 0;padding-left:22px}ol.hops li.stop{color:#c62828;font-weight:600}
ul.passed{list-style:none;padding:0;background:#fff;border:1px solid #d0d7de;border-radius:6px}ul.passed li{padding:4px 10px;border-bottom:1px solid #eef1f4}
svg.cluster text{font:11.5px ui-monospace,Menlo,Consolas,monospace;fill:#1d2327}svg.cluster text.name{font-weight:700}svg.cluster text.detail{fill:#57606a}
svg.cluster text.more{fill:#57606a;font-style:italic}svg.cluster text.hop{font-size:10px;font-weight:700}
svg.cluster .outside rect{fill:#f3e8ff;stroke:#8250df}svg.cluster .service rect{fill:#e6f4ea;stroke:#2e7d32}
svg.cluster .node rect{fill:#eef1f4;stroke:#57606a}svg.cluster .pod rect{fill:#ddf4ff;stroke:#0969da}svg.cluster .pod.not-running rect{fill:#fff1e5;stroke:#bc4c00}
`;

function summaryTable(groups: readonly ReportGroup[]): string {
  const rows = groups.map((g) => {
    const pct = g.total === 0 ? 0 : Math.round((g.passed / g.total) * 100);
    return `<tr class="group-${g.kind}"><td>${esc(g.group)}</td><td class="num good">${g.passed}</td><td class="num${g.failed > 0 ? ' bad' : ''}">${g.failed}</td><td class="num">${g.total}</td><td class="num">${pct}%</td><td class="num">${formatPoints(g.points)} / ${formatPoints(g.maxPoints)}</td></tr>`;
  });
  return `<table><thead><tr><th>Service type / tag</th><th>Passed</th><th>Failed</th><th>Total</th><th>%</th><th>Points</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

const tags = (s: ReportScenario): string => s.tags.map((t) => `<span class="tag">${esc(t)}</span>`).join('');

function transcriptHtml(s: ReportScenario): string {
  if (s.commands.length === 0) return '<p class="meta">No command was run.</p>';
  return s.commands
    .map((c, i) => {
      const out = truncate(cleanText(c.output));
      const exit = c.exitCode !== 0 ? `\n<span class="exit">[exit code ${c.exitCode}]</span>` : '';
      return `<pre class="run" id="${esc(s.id)}-run${i + 1}"><span class="cmd">$ ${esc(c.script)}</span>\n${esc(out.replace(/\n$/, ''))}${exit}</pre>`;
    })
    .join('');
}

function diagramHtml(s: ReportScenario, index: number): string {
  const d = clusterDiagram(s, `d${index}`);
  if (!d) return '<p class="meta">No cluster snapshot was recorded for this scenario.</p>';
  const lists = d.traces
    .map((t) => {
      const items = t.hops.map((h, i) => `<li${!t.ok && i === t.hops.length - 1 ? ' class="stop"' : ''}><b>${esc(h.kind)}</b> ${esc(h.at)}: ${esc(h.detail)}</li>`);
      if (!t.ok) items.push(`<li class="stop">stopped: ${esc(t.reason ?? 'no reason recorded')}</li>`);
      const cmd = t.command !== undefined ? ` (command ${t.command + 1})` : '';
      return `<p class="meta">Request from ${esc(t.from)} to ${esc(t.to)}${cmd}: ${t.ok ? 'answered' : 'failed'}</p><ol class="hops">${items.join('')}</ol>`;
    })
    .join('');
  return `<figure>${d.svg}<figcaption>The cluster at the end of the scenario: nodes with their pods, Services, and the path each request took (red: where it stopped).</figcaption></figure>${lists}`;
}

function failedArticle(s: ReportScenario, index: number): string {
  const steps = s.steps.map((st) => `<li class="${esc(st.status)}">${esc(`${st.keyword} ${st.text}`)} <span class="meta">${esc(st.status)}</span></li>`).join('');
  const reasons = s.reasons.length > 0 ? `<ul class="reasons">${s.reasons.map((r) => `<li>${esc(r)}</li>`).join('')}</ul>` : '<p class="meta">The cluster model recorded no reason.</p>';
  return [
    `<article class="scenario failed" id="${esc(s.id)}">`,
    `<h3>✗ ${esc(s.name)}</h3>`,
    `<p class="where">${esc(s.feature)} · ${esc(s.uri)}:${s.line} · ${formatPoints(s.score)} / ${formatPoints(s.points)} points · ${esc(s.status)} ${tags(s)}</p>`,
    `<h4>Failure</h4><pre class="failure">${esc(s.failure ?? `scenario ${s.status}`)}</pre>`,
    `<h4>Why</h4>${reasons}`,
    `<h4>Cluster</h4>${diagramHtml(s, index)}`,
    `<h4>Transcript</h4>${transcriptHtml(s)}`,
    `<h4>Steps</h4><ol class="steps">${steps}</ol>`,
    '</article>',
  ].join('\n');
}

function passedList(list: readonly ReportScenario[]): string {
  if (list.length === 0) return '<p class="meta">None.</p>';
  const items = list.map((s) => `<li id="${esc(s.id)}"><span class="good">✓</span> ${esc(s.name)} <span class="meta">— ${esc(s.feature)} (${esc(s.uri)}:${s.line}) · ${formatPoints(s.points)} pt</span> ${tags(s)}</li>`);
  return `<ul class="passed">${items.join('')}</ul>`;
}

/** What was wrong with the submission itself (grade): skipped files, limits hit, broken manifests, with file and line. */
function problemsSection(report: LabReport): string {
  const list = report.problems ?? [];
  if (list.length === 0) return '';
  const items = list.map((p) => `<li><code>${esc(p.path)}${p.line ? `:${p.line}` : ''}</code> <span class="tag">${esc(p.code)}</span> ${esc(cleanText(p.message))}</li>`);
  return `<section id="problems"><h2>Problems with the submission (${list.length})</h2><ul class="reasons">${items.join('')}</ul></section>`;
}

export function toHtml(report: LabReport): string {
  const failed = report.scenarios.filter((s) => s.status !== 'passed');
  const passed = report.scenarios.filter((s) => s.status === 'passed');
  const t = report.totals;
  const body = [
    `<header><h1>${esc(report.title)}</h1>`,
    `<p class="score">Score: ${formatPoints(t.score)} / ${formatPoints(t.maxScore)} points · <span class="good">${t.passed} passed</span> · <span class="${t.failed > 0 ? 'bad' : 'good'}">${t.failed} failed</span> of ${t.scenarios} scenarios</p>`,
    `<p class="meta">${esc(report.tool.name)} ${esc(report.tool.version)} · generated ${esc(report.generatedAt)}${report.labs.length ? ` · labs: ${esc(report.labs.join(' '))}` : ''}</p></header>`,
    `<section id="summary"><h2>Summary per Service type</h2>${summaryTable(report.summary)}</section>`,
    problemsSection(report),
    `<section id="failed"><h2>Failed scenarios (${failed.length})</h2>${failed.length ? failed.map((s, i) => failedArticle(s, i + 1)).join('\n') : '<p class="meta">None: every scenario passed.</p>'}</section>`,
    `<section id="passed"><h2>Passed scenarios (${passed.length})</h2>${passedList(passed)}</section>`,
  ].join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(report.title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}
