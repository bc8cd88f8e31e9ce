import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type RunStore } from '@core/store';
import { exportStudy } from '@core/studies/report/export-study';
import { getStudyDetail } from '@core/studies/study-detail';
import { startSeedArticleStudy } from '@core/studies/plan/study-requests';
import { studyRunIds } from '@core/studies/study-store';
import { onDatabase } from '@support/store';
import { fakeRun } from '@support/study-runs';

/** Splits one CSV line, honouring RFC 4180 quotes. */
function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

let dir: string;
let store: RunStore;
let studyId: number;
const EPOCHS = 2;

/** Plays each run of the study through the store as training would, with synthetic numbers. */
function playRuns(ids: number[]): void {
  ids.forEach((id, i) => {
    const run = store.getRun(id);
    if (!run) throw new Error('missing run');
    const mse = run.loss === 'mse';
    const fake = fakeRun({
      configuration: { key: 'x', label: 'x', config: run.config },
      seed: run.seed,
      valAccuracy: mse ? [0.88 + run.seed / 1000, 0.93] : [0.93 + run.seed / 1000, 0.96],
      testAccuracy: (mse ? 0.93 : 0.97) + run.seed / 1000,
      hiddenGradient: 0.1 + (i % 3) / 100,
    });
    store.markRunning(id, 'cpu');
    for (const e of fake.epochs) store.appendEpoch(id, e);
    store.finishRun(id, { status: i === ids.length - 1 ? 'failed' : 'completed', evaluation: fake.evaluation, error: null });
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'loss-lab-export-'));
  store = openStore(join(dir, 'lab.db'));
  studyId = startSeedArticleStudy(store, { builtinId: 'seed-article', datasetId: 'mnist-embedded', seeds: 3, epochs: EPOCHS }).id;
  playRuns(studyRunIds(store, studyId));
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('study detail over the real store', () => {
  it('aggregates and judges the played runs', () => {
    const detail = getStudyDetail(store, studyId);
    // One run failed: the study is incomplete (its verdicts still come from the 14 that completed).
    expect(detail).toMatchObject({ status: 'incomplete', runsTotal: 15, runsCompleted: 14, runsOther: 1 });
    expect(detail.aggregates.find((a) => a.key === 'example-1')?.testAccuracy?.n).toBe(3);
    expect(detail.verdicts?.map((v) => v.claim)).toEqual([1, 2, 3, 4]);
    // Example 2 has identical test accuracy to Example 1 seed by seed (the failed run is tanh-softmax-ce seed 3).
    expect(detail.verdicts?.[2]).toMatchObject({ status: 'not supported' });
    expect(detail.verdicts?.[1].status).toBe('supported');
  });
});

describe('exportStudy', () => {
  it('writes HTML, Markdown, CSV and PNG charts', async () => {
    const out = join(dir, 'export');
    const { files } = await exportStudy(store, studyId, out);
    const names = files.map((f) => basename(f)).sort();
    expect(names).toEqual(
      [
        `study-${studyId}-epochs.csv`,
        `study-${studyId}-report.html`,
        `study-${studyId}-report.md`,
        `study-${studyId}-test-accuracy.png`,
        `study-${studyId}-test-accuracy-curve.png`,
        `study-${studyId}-train-loss.png`,
        `study-${studyId}-val-accuracy.png`,
      ].sort(),
    );
    const read = (suffix: string) => readFileSync(files.find((f) => f.endsWith(suffix)) ?? '');

    const csv = read('epochs.csv').toString('utf8').trimEnd().split('\r\n');
    expect(csv).toHaveLength(1 + 15 * EPOCHS);
    const header = csv[0].split(',');
    expect(header).toContain('dense1_gradient_norm');
    expect(header).toEqual(expect.arrayContaining(['val_loss', 'val_accuracy', 'test_loss', 'test_accuracy']));
    const rows = csv.slice(1).map(parseCsvLine);
    expect(rows.every((cells) => cells.length === header.length)).toBe(true);
    expect(rows.map((r) => r[1])).toContain('relu hidden, tanh + MSE output · seed 2');

    const html = read('report.html').toString('utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<table>');
    expect((html.match(/<svg/g) ?? []).length).toBe(4);
    expect(html).toContain('Common random numbers: for a given seed every configuration starts from the same initial weights');
    expect(html).toContain('paired by seed (3 pairs)');
    expect(html).toContain('identical on all 3 seeds');
    expect(html).not.toMatch(/(src|href)="https?:/);

    const md = read('report.md').toString('utf8');
    expect(md).toContain(`![Validation accuracy per epoch](study-${studyId}-val-accuracy.png)`);
    expect(md).toContain(`![Test accuracy per epoch](study-${studyId}-test-accuracy-curve.png)`);
    expect(md).toMatch(/\| Configuration \| Runs \|/);

    for (const png of ['val-accuracy.png', 'train-loss.png', 'test-accuracy.png', 'test-accuracy-curve.png']) {
      expect([...read(png).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    }
  });

  it('notes in the report when the runs trained on different backends', async () => {
    const md = async (out: string): Promise<string> => {
      const { files } = await exportStudy(store, studyId, join(dir, out));
      return readFileSync(files.find((f) => f.endsWith('report.md')) ?? '', 'utf8');
    };
    expect(await md('one-backend')).not.toContain('different backends');
    const [first] = studyRunIds(store, studyId);
    onDatabase(join(dir, 'lab.db'), (db) => db.prepare("UPDATE runs SET backend = 'wasm' WHERE id = ?").run(first));
    expect(await md('two-backends')).toContain(`The runs trained on different backends (wasm: run ${first}; cpu: runs `);
  });
});
