/** Exports and imports never take a path from the renderer: dialogs (desktop), downloads and uploads (browser). */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportOutcome } from '@shared/contract';
import { findPreset } from '@shared/presets';
import { createLab } from '@core/lab/create-lab';
import type { HostFiles } from '@core/lab/host-files';
import type { Lab } from '@core/lab/lab-types';
import { openStore } from '@core/store';
import { createStudy } from '@core/studies/study-store';
import { writeIdxFolder } from '@support/idx-files';

const base = findPreset('example-3')!.config;
let dataDir: string;
let browserLab: Lab;
let desktopLab: Lab;
const saved: { fileName: string; bytes: Uint8Array }[] = [];
let answer: string | null = '/home/me/chosen.zip';
let chosen: string[] | null = null;
const dialogs: HostFiles = {
  save: async (fileName, bytes) => (saved.push({ fileName, bytes }), answer),
  chooseImport: async () => chosen,
};

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'loss-lab-files-'));
  const store = openStore(join(dataDir, 'loss-lab.db'));
  const run = store.createRun({ name: 'trained', presetId: null, studyId: null, datasetId: 'mnist-embedded', config: base });
  store.markRunning(run.id, 'cpu');
  const model = { modelTopology: { class_name: 'Sequential' }, weightSpecs: [], weightData: Uint8Array.of(1, 2, 3, 4) };
  store.finishRun(run.id, { status: 'stopped', evaluation: null, model, error: null });
  createStudy(store, { name: 's', builtinId: null, datasetId: 'mnist-embedded', configurations: [{ key: 'a', label: 'a', config: base }], seeds: 1 });
  store.close();
  browserLab = await createLab({ dataDir, host: 'browser', workers: 1, resumeQueued: false });
  desktopLab = await createLab({ dataDir: join(dataDir, 'desktop'), host: 'electron', workers: 1, resumeQueued: false, files: dialogs });
});
afterAll(async () => {
  await browserLab.close();
  await desktopLab.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('requests carrying a path are refused', () => {
  it.each([
    ['runs:exportModel', { runId: 1, dir: join(tmpdir(), 'loss-lab-should-not-exist') }],
    ['studies:export', { studyId: 1, dir: join(tmpdir(), 'loss-lab-should-not-exist') }],
    ['datasets:import', { paths: ['/usr/share/datasets/fashion-mnist'] }],
  ] as const)('%s with a path: invalid_request, nothing written or read', async (channel, request) => {
    const result = await browserLab.handle(channel, request);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(!result.ok && result.error.message).toMatch(/dir|paths/);
    expect(existsSync(join(tmpdir(), 'loss-lab-should-not-exist'))).toBe(false);
  });
});

describe('browser mode: downloads and uploads', () => {
  it('a model export is a zip of model.json and weights.bin to download', async () => {
    const result = await browserLab.handle('runs:exportModel', { runId: 1 });
    const outcome = (result.ok ? result.value : null) as ExportOutcome;
    expect(outcome).toMatchObject({ kind: 'download', fileName: 'run-1-model.zip' });
    const files = unzipSync(Buffer.from(outcome.kind === 'download' ? outcome.base64 : '', 'base64'));
    expect(Object.keys(files).sort()).toEqual(['model.json', 'weights.bin']);
    expect(JSON.parse(strFromU8(files['model.json']))).toMatchObject({ format: 'layers-model', weightsManifest: [{ paths: ['weights.bin'] }] });
    expect([...files['weights.bin']]).toEqual([1, 2, 3, 4]);
  });

  it('a study export is a zip of the report', async () => {
    const result = await browserLab.handle('studies:export', { studyId: 1 });
    const outcome = (result.ok ? result.value : null) as ExportOutcome;
    expect(outcome).toMatchObject({ kind: 'download', fileName: 'study-1-report.zip' });
    const names = Object.keys(unzipSync(Buffer.from(outcome.kind === 'download' ? outcome.base64 : '', 'base64')));
    expect(names).toEqual(expect.arrayContaining(['study-1-report.html', 'study-1-report.md', 'study-1-epochs.csv']));
  });

  it('imports the files of an upload, then deletes the upload', async () => {
    const folder = join(dataDir, 'uploads', 'ab'.repeat(16));
    mkdirSync(join(dataDir, 'uploads'), { recursive: true });
    writeIdxFolder(folder, { train: 20, test: 10, gz: true });
    const result = await browserLab.handle('datasets:import', { uploadId: 'ab'.repeat(16), name: 'Uploaded digits' });
    expect(result).toMatchObject({
      ok: true,
      value: { name: 'Uploaded digits', trainSize: 20, testSize: 10, source: expect.stringContaining('uploaded from the browser: t10k-images-idx3-ubyte.gz') },
    });
    expect(existsSync(folder)).toBe(false);
  });

  it('an import without an upload says to upload first', async () => {
    const result = await browserLab.handle('datasets:import', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(!result.ok && result.error.message).toMatch(/upload the four IDX files/);
  });
});

describe('desktop: the host’s dialogs choose', () => {
  it('a model export goes to the dialog, which saves it or is cancelled', async () => {
    const store = openStore(join(dataDir, 'desktop', 'loss-lab.db'));
    const run = store.createRun({ name: 'trained', presetId: null, studyId: null, datasetId: 'mnist-embedded', config: base });
    store.markRunning(run.id, 'cpu');
    store.finishRun(run.id, { status: 'stopped', evaluation: null, model: { modelTopology: {}, weightSpecs: [], weightData: Uint8Array.of(9) }, error: null });
    store.close();
    expect(await desktopLab.handle('runs:exportModel', { runId: run.id })).toEqual({ ok: true, value: { kind: 'saved', path: '/home/me/chosen.zip' } });
    expect(saved.at(-1)?.fileName).toBe(`run-${run.id}-model.zip`);
    answer = null;
    expect(await desktopLab.handle('runs:exportModel', { runId: run.id })).toEqual({ ok: true, value: { kind: 'cancelled' } });
  });

  it('an import takes what the dialog chose; a cancelled dialog imports nothing', async () => {
    expect(await desktopLab.handle('datasets:import', {})).toEqual({ ok: true, value: null });
    chosen = [writeIdxFolder(join(dataDir, 'chosen-digits'), { train: 20, test: 10 }).dir];
    expect(await desktopLab.handle('datasets:import', {})).toMatchObject({ ok: true, value: { name: 'chosen-digits' } });
  });
});
