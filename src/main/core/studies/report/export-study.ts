/** Writes a study's report (HTML, Markdown), its epochs (CSV) and its charts (PNG, or SVG without a rasteriser). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportResult } from '../../../../shared/contract';
import { ensureDirectory } from '../../files/ensure-directory';
import type { RunDetail } from '../../../../shared/run-types';
import type { Comparison, StudyDetail } from '../../../../shared/study-types';
import { backendsUsed } from './backend-note';
import type { RunStore } from '../../store/store-types';
import { strToU8 } from 'fflate';
import { compare } from '../stats/aggregate';
import { zipFiles, type ExportFile } from '../../exports/archive';
import { testAccuracyChart, testAccuracyCurveChart, trainLossChart, valAccuracyChart, type ChartOption } from './chart-options';
import { accuracyVsSizeOption } from '../../../../shared/charts/accuracy-vs-size';
import { outputSignalOption } from '../../../../shared/charts/output-signal';
import { epochsCsv } from './epochs-csv';
import { groupRuns, testAccuracies } from '../stats/group-runs';
import { rasterise, renderSvg } from './render-chart';
import { renderHtml, renderMarkdown, type ReportChart } from './report';
import { getStudyDetail, studyRuns } from '../study-detail';

/**
 * Example 1 vs Example 3 when the study has both, else its first two configurations; null with the reason
 * when a side has fewer than 2 completed runs.
 */
export function headlineComparison(detail: StudyDetail, runs: readonly RunDetail[]): { comparison: Comparison | null; note: string | null } {
  const keys = detail.configurations.map((c) => c.key);
  const pair = keys.includes('example-1') && keys.includes('example-3') ? ['example-1', 'example-3'] : keys.slice(0, 2);
  if (pair.length < 2) return { comparison: null, note: 'The study has a single configuration: nothing to compare.' };
  try {
    return { comparison: compare(detail.configurations, runs, pair[0], pair[1], 'testAccuracy'), note: null };
  } catch (error) {
    return { comparison: null, note: `No comparison of ${pair[0]} and ${pair[1]} yet: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Writes the export of an already-read study into `dir` (created if missing). Returns absolute file paths. */
export async function writeStudyExport(detail: StudyDetail, runs: readonly RunDetail[], dir: string): Promise<ExportResult> {
  const root = ensureDirectory(dir);
  const files = (await studyExportFiles(detail, runs)).map(({ name, data }) => {
    const path = join(root, name);
    writeFileSync(path, data);
    return path;
  });
  return { files };
}

/** The files of a study's export: charts, the report as HTML and Markdown, and every epoch as CSV. */
export async function studyExportFiles(detail: StudyDetail, runs: readonly RunDetail[]): Promise<ExportFile[]> {
  const prefix = `study-${detail.id}`;
  const files: ExportFile[] = [];
  const write = (name: string, data: string | Uint8Array): void => {
    files.push({ name, data: typeof data === 'string' ? strToU8(data) : data });
  };

  const groups = groupRuns(detail.configurations, runs);
  const perRun = new Map([...groups].map(([key, group]) => [key, testAccuracies(group)]));
  const options: [string, string, ChartOption][] = [];
  if (detail.aggregates.some((a) => a.testAccuracyCurve.length > 0)) {
    options.push(['test-accuracy-curve', 'Test accuracy per epoch', testAccuracyCurveChart(detail.aggregates)]);
  }
  if (detail.aggregates.some((a) => a.valAccuracyCurve.length > 0)) {
    options.push(['val-accuracy', 'Validation accuracy per epoch', valAccuracyChart(detail.aggregates)]);
  }
  options.push(
    ['train-loss', 'Training loss per epoch', trainLossChart(detail.aggregates)],
    ['test-accuracy', 'Final test accuracy per configuration', testAccuracyChart(detail.aggregates, perRun)],
  );
  if (detail.sizeSeries.length > 0) {
    options.push(['accuracy-vs-size', 'Final test accuracy vs training-set size (mean, 95% CI)', accuracyVsSizeOption(detail.sizeSeries)]);
  }
  for (const when of ['first', 'last'] as const) {
    if (detail.aggregates.some((a) => a.outputSignal[when] !== null)) {
      const title = `Output gradient vs output error on the probe samples, ${when === 'first' ? 'epoch 1' : 'last epoch'}`;
      options.push([`output-signal-${when === 'first' ? 'epoch-1' : 'last'}`, title, outputSignalOption(detail.aggregates, when)]);
    }
  }
  const charts: ReportChart[] = [];
  const notes: string[] = [];
  for (const [name, title, option] of options) {
    const svg = renderSvg(option);
    const raster = await rasterise(svg);
    const file = `${prefix}-${name}.${raster.format}`;
    write(file, raster.data);
    if (raster.format === 'svg' && notes.length === 0) notes.push(`Charts are written as SVG, not PNG: ${raster.reason}.`);
    charts.push({ name, title, svg, file });
  }

  const backends = backendsUsed(detail.runs);
  if (backends) notes.push(`The runs trained on different backends (${backends}): results are comparable only within one backend.`);
  const { comparison, note } = headlineComparison(detail, runs);
  const input = { detail, comparison, comparisonNote: note, charts, notes };
  write(`${prefix}-report.html`, renderHtml(input));
  write(`${prefix}-report.md`, renderMarkdown(input));
  write(`${prefix}-epochs.csv`, epochsCsv(detail.configurations, runs));
  return files;
}

/** A zip of the study's export, named for a save dialog or a download. Throws NotFoundError. */
export async function studyArchive(store: RunStore, id: number, workers = 1): Promise<{ fileName: string; bytes: Uint8Array }> {
  const files = await studyExportFiles(getStudyDetail(store, id, workers), studyRuns(store, id));
  return { fileName: `study-${id}-report.zip`, bytes: zipFiles(files) };
}

/** The command line's `study export --out DIR`: reads the study and writes its export into `dir`. Throws NotFoundError. */
export async function exportStudy(store: RunStore, id: number, dir: string, workers = 1): Promise<ExportResult> {
  return writeStudyExport(getStudyDetail(store, id, workers), studyRuns(store, id), dir);
}
