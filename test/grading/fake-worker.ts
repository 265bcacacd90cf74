/**
 * A stand-in grading worker for grading/pool.ts's tests: answers `ready`,
 * then grades by submission name: `crash…` exits the process, `hang…`
 * never answers, `throw…` answers failed, anything else gets an empty report.
 */
import { buildReport } from '../../reports/index.ts';
import type { FromWorker, ToWorker } from '../../grading/protocol.ts';

const send = (m: FromWorker) => process.send?.(m);
process.on('message', (m: ToWorker) => {
  if (m.type === 'init') return send({ type: 'ready', skeleton: [] });
  if (m.type !== 'grade') return;
  const name = m.job.shown;
  if (name.startsWith('crash')) process.exit(3);
  if (name.startsWith('hang')) return;
  if (name.startsWith('throw')) return send({ type: 'failed', index: m.index, message: 'boom' });
  send({ type: 'done', index: m.index, report: buildReport([], { tool: { name: 'kube-netlab', version: 'test' }, generatedAt: '2025-01-01T00:00:00Z', submission: name }) });
});
process.on('disconnect', () => process.exit(0));
