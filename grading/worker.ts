/**
 * A grading worker (forked by grading/pool.ts): loads the steps once, lists
 * the labs' scenarios for the parent, then grades the submissions the
 * parent sends, one at a time, answering each with its report. An error
 * grading one submission is answered, not thrown; anything worse ends the
 * process and the parent reports that submission as crashed.
 */
import { gradeSubmission, labSkeleton, type GradeSettings } from './grade-one.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

let settings: GradeSettings | undefined;

function send(m: FromWorker): void {
  process.send?.(m);
}

async function onMessage(m: ToWorker): Promise<void> {
  if (m.type === 'init') {
    settings = m.settings;
    try {
      send({ type: 'ready', skeleton: await labSkeleton(settings, process.stderr) });
    } catch (e) {
      send({ type: 'fatal', message: (e as Error).message });
    }
    return;
  }
  if (!settings) return send({ type: 'fatal', message: 'a grade request came before init' });
  try {
    send({ type: 'done', index: m.index, report: await gradeSubmission(m.job, settings, process.stderr) });
  } catch (e) {
    send({ type: 'failed', index: m.index, message: e instanceof Error ? e.message : String(e) });
  }
}

// One message at a time, in order: the parent only sends the next job after an answer.
let queue = Promise.resolve();
process.on('message', (m: ToWorker) => {
  queue = queue.then(() => onMessage(m));
});
process.on('disconnect', () => process.exit(0));
