/**
 * The built-in study end to end on real (small) training: store → trainRun → store → detail → verdicts → export.
 * Small on purpose (1,500 training digits, 2 seeds × 2 epochs): it checks the plumbing and the one claim whose
 * outcome follows from the code itself (same seed ⇒ identical Example 1 and Example 2 predictions), not the
 * article's claims, whose verdicts need the full study.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset, DatasetSplit } from '@core/datasets/dataset';
import { IMAGE_SIZE } from '@core/datasets/dataset';
import { buildEmbeddedDataset } from '@core/datasets/embedded';
import { openStore, type RunStore } from '@core/store';
import { initBackend } from '@core/training/backend/backend';
import { trainRun } from '@core/training/loop/train-run';
import { exportStudy } from '@core/studies/report/export-study';
import { getStudyDetail } from '@core/studies/study-detail';
import { startSeedArticleStudy } from '@core/studies/plan/study-requests';
import { studyRunIds } from '@core/studies/study-store';

function head(split: DatasetSplit, count: number): DatasetSplit {
  return { images: split.images.subarray(0, count * IMAGE_SIZE), labels: split.labels.subarray(0, count), count };
}

let dir: string;
let store: RunStore;
let studyId: number;

beforeAll(async () => {
  await initBackend('wasm');
  dir = mkdtempSync(join(tmpdir(), 'loss-lab-e2e-'));
  store = openStore(join(dir, 'lab.db'));
  const full = buildEmbeddedDataset();
  const dataset: Dataset = { info: full.info, train: head(full.train, 1500), test: head(full.test, 500) };
  studyId = startSeedArticleStudy(store, { builtinId: 'seed-article', datasetId: 'mnist-embedded', seeds: 2, epochs: 2 }).id;
  for (const id of studyRunIds(store, studyId)) {
    const run = store.getRun(id);
    if (!run) throw new Error(`run ${id} vanished`);
    const outcome = await trainRun(
      run.config,
      dataset,
      { runId: id, onStarted: (backend) => store.markRunning(id, backend), onBatch: () => {}, onEpoch: (m) => store.appendEpoch(id, m) },
      () => false,
    );
    store.finishRun(id, outcome);
  }
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('seed-article study on real training', () => {
  it('completes, aggregates every configuration and judges every claim from the data', () => {
    const detail = getStudyDetail(store, studyId);
    expect(detail).toMatchObject({ status: 'completed', runsCompleted: 10, runsTotal: 10 });
    for (const a of detail.aggregates) {
      expect(a.testAccuracy?.n).toBe(2);
      // The article's protocol: no validation split, the test split measured after every epoch.
      expect(a.valAccuracyCurve).toHaveLength(0);
      expect(a.testAccuracyCurve).toHaveLength(2);
      expect(a.gradientNorms.map((g) => g.layer)).toEqual(['dense1', 'output']);
    }
    const sat = detail.aggregates.find((a) => a.key === 'example-1')?.saturation.map((s) => s.layer);
    expect(sat).toEqual(['dense1', 'output']);
    expect(detail.verdicts?.[2]).toMatchObject({ status: 'not supported' });
    expect(detail.verdicts?.[2].evidence).toMatch(/identical on all 2 seeds/);
    for (const v of detail.verdicts ?? []) expect(v.evidence.length).toBeGreaterThan(40);
    // claim 4's mechanism was measured: 256 probe samples × 2 seeds at epoch 1 and at the last epoch
    const ex1 = detail.aggregates.find((a) => a.key === 'example-1');
    expect(ex1?.outputSignal.first?.error).toHaveLength(512);
    expect(ex1?.outputSignal.last?.gradient).toHaveLength(512);
    expect(detail.verdicts?.[3].evidence).toMatch(/Spearman ρ/);
    expect(detail.verdicts?.[3].evidence).toMatch(/mean of 1 − tanh²\): 0\.\d{3}/);
    expect(detail.verdicts?.[1].evidence).toMatch(/paired t over 2 matched seeds/);
  });

  it('exports the real study', async () => {
    const { files } = await exportStudy(store, studyId, join(dir, 'export'));
    // 5 charts (test curve, loss, final accuracy, output signal at epoch 1 and last; no validation split, so no
    // validation curve), HTML, Markdown, CSV
    expect(files).toHaveLength(8);
    expect(files.some((f) => /val-accuracy/.test(f))).toBe(false);
    expect(files.some((f) => /output-signal-epoch-1\.(png|svg)$/.test(f))).toBe(true);
  });
});
