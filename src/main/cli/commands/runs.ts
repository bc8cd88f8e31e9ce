import { listAllRuns } from '../../../shared/list-runs';
import type { CliSession } from '../cli-lab';
import { num, pct, table } from '../format';
import { UsageError } from '../usage-error';

export async function listRuns({ api }: CliSession, json: boolean): Promise<void> {
  const runs = await listAllRuns((page) => api.runs.list(page));
  if (json) return console.log(JSON.stringify(runs));
  if (runs.length === 0) return console.log('no runs yet: try `npm run lab -- train --preset example-3`');
  console.log(
    table([
      ['id', 'name', 'status', 'backend', 'loss', 'hidden→output', 'epochs', 'test acc', 'created'],
      ...runs.map((r) => [
        String(r.id),
        r.name,
        r.status,
        r.backend ?? '—',
        r.loss,
        `${r.hiddenActivation}→${r.outputActivation}`,
        `${r.epochsDone}/${r.epochsPlanned}`,
        pct(r.finalTestAccuracy),
        r.createdAt.slice(0, 19).replace('T', ' '),
      ]),
    ]),
  );
}

export async function showRun({ api }: CliSession, id: string | undefined, json: boolean): Promise<void> {
  const runId = Number(id);
  if (!Number.isInteger(runId) || runId <= 0) throw new UsageError('runs show needs a run id, e.g. `runs show 3`');
  const run = await api.runs.get({ runId });
  if (json) return console.log(JSON.stringify(run));
  const c = run.config;
  console.log(`run ${run.id} "${run.name}": ${run.status} on ${run.backend ?? '—'}, dataset ${run.datasetId}`);
  console.log(
    `model: ${c.hiddenUnits.join('-')} ${c.hiddenActivation} → 10 ${c.outputActivation}, loss ${c.loss}, ` +
      `targets ${c.targetEncoding}, rescale ${c.outputRescale}, ${c.optimizer} lr ${c.learningRate}, batch ${c.batchSize}, seed ${c.seed}`,
  );
  if (run.error) console.log(`error: ${run.error}`);
  if (run.epochs.length) {
    console.log(
      table([
        ['epoch', 'loss', 'acc', 'val loss', 'val acc', 'seconds', 'samples/s'],
        ...run.epochs.map((m) => [
          String(m.epoch),
          num(m.trainLoss),
          pct(m.trainAccuracy),
          num(m.valLoss),
          pct(m.valAccuracy),
          m.seconds.toFixed(1),
          String(Math.round(m.samplesPerSecond)),
        ]),
      ]),
    );
  }
  const e = run.evaluation;
  if (e) {
    console.log(`test accuracy ${pct(e.testAccuracy)}, loss ${num(e.testLoss)}, ${e.misclassifiedCount} of ${e.testSize} misclassified`);
    console.log(
      table([
        ['class', 'precision', 'recall', 'f1', 'support'],
        ...e.perClass.map((k) => [String(k.label), num(k.precision, 3), num(k.recall, 3), num(k.f1, 3), String(k.support)]),
      ]),
    );
  }
}
