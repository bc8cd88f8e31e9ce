/** Writes a study's report (HTML, Markdown), its epochs (CSV) and its charts (PNG, or SVG without a rasteriser). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ExportResult } from '../../../shared/contract';
import type { RunDetail } from '../../../shared/run-types';
import type { Comparison, StudyDetail } from '../../../shared/study-types';
import type { RunStore } from '../store/store-types';
import { compare } from './aggregate';
import { testAccuracyChart, testAccuracyCurveChart, trainLossChart, valAccuracyChart, type ChartOption } from './chart-options';
import { epochsCsv } from './epochs-csv';
import { groupRuns, testAccuracies } from './group-runs';
import { rasterise, renderSvg } from './render-chart';
import { renderHtml, renderMarkdown, type ReportChart } from './report';
import { getStudyDetail, studyRuns } from './study-detail';

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
  const root = resolve(dir);
  mkdirSync(root, { recursive: true });
  const prefix = `study-${detail.id}`;
  const files: string[] = [];
  const write = (name: string, data: string | Uint8Array): void => {
    const path = join(root, name);
    writeFileSync(path, data);
    files.push(path);
  };

  const groups = groupRuns(detail.configurations, runs);
  const perRun = new Map([...groups].map(([key, group]) => [key, testAccuracies(group)]));
  // Validation only where the runs held data out; per-epoch test where they recorded it (schema 2 on).
  const has = (pick: (a: (typeof detail.aggregates)[number]) => readonly unknown[]): boolean => detail.aggregates.some((a) => pick(a).length > 0);
  const options: [string, string, ChartOption][] = [
    ...(has((a) => a.testAccuracyCurve) ? [['test-accuracy-curve', 'Test accuracy per epoch', testAccuracyCurveChart(detail.aggregates)] as [string, string, ChartOption]] : []),
    ...(has((a) => a.valAccuracyCurve) ? [['val-accuracy', 'Validation accuracy per epoch', valAccuracyChart(detail.aggregates)] as [string, string, ChartOption]] : []),
    ['train-loss', 'Training loss per epoch', trainLossChart(detail.aggregates)],
    ['test-accuracy', 'Final test accuracy per configuration', testAccuracyChart(detail.aggregates, perRun)],
  ];
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

  const { comparison, note } = headlineComparison(detail, runs);
  const input = { detail, comparison, comparisonNote: note, charts, notes };
  write(`${prefix}-report.html`, renderHtml(input));
  write(`${prefix}-report.md`, renderMarkdown(input));
  write(`${prefix}-epochs.csv`, epochsCsv(detail.configurations, runs));
  return { files };
}

/** `studies:export`: reads the study and writes its export into `dir`. Throws NotFoundError. */
export async function exportStudy(store: RunStore, id: number, dir: string, workers = 1): Promise<ExportResult> {
  return writeStudyExport(getStudyDetail(store, id, workers), studyRuns(store, id), dir);
}
