/** The study report as one self-contained HTML page (charts inline as SVG) and as Markdown (charts as image files). */
import type { Comparison, StudyDetail } from '../../../../shared/study-types';
import { aggregateTable, comparisonTable, studyFacts, verdictTable, type Table } from './report-tables';

export interface ReportChart {
  /** Slug, e.g. `val-accuracy`. */
  name: string;
  title: string;
  svg: string;
  /** File the Markdown links to, relative to the report. */
  file: string;
}

export interface ReportInput {
  detail: StudyDetail;
  /** Example 1 vs Example 3 (or the first two configurations), when both sides have ≥ 2 completed runs. */
  comparison: Comparison | null;
  /** Why there is no comparison, when there is none. */
  comparisonNote: string | null;
  charts: ReportChart[];
  /** Remarks for the reader (e.g. no PNG rasteriser). */
  notes: string[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function htmlTable(t: Table): string {
  const head = `<tr>${t.headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr>`;
  const body = t.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

function mdCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function mdTable(t: Table): string {
  const line = (cells: string[]) => `| ${cells.map(mdCell).join(' | ')} |`;
  return [line(t.headers), line(t.headers.map(() => '---')), ...t.rows.map(line)].join('\n');
}

function labelOf(detail: StudyDetail): (key: string) => string {
  return (key) => detail.configurations.find((c) => c.key === key)?.label ?? key;
}

const STYLE = `body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:1100px;color:#222}
table{border-collapse:collapse;margin:1rem 0;font-size:.9rem}th,td{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top}
th{background:#f3f5fa;text-align:left}figure{margin:1rem 0}.note{color:#8a5a00}`;

/** A complete HTML document, no external resources. */
export function renderHtml(input: ReportInput): string {
  const { detail } = input;
  const facts = studyFacts(detail)
    .map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`)
    .join('');
  const verdicts = verdictTable(detail);
  const parts = [
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(detail.name)} · Loss Lab study report</title><style>${STYLE}</style></head><body>`,
    `<h1>${escapeHtml(detail.name)}</h1>`,
    `<table>${facts}</table>`,
    ...input.notes.map((n) => `<p class="note">${escapeHtml(n)}</p>`),
    verdicts ? `<h2>Verdicts on the article's claims</h2>\n${htmlTable(verdicts)}` : '',
    '<h2>Configurations</h2>',
    htmlTable(aggregateTable(detail.aggregates)),
    '<h2>Comparison</h2>',
    input.comparison ? htmlTable(comparisonTable(input.comparison, labelOf(detail))) : `<p>${escapeHtml(input.comparisonNote ?? 'No comparison.')}</p>`,
    '<h2>Charts</h2>',
    ...input.charts.map((c) => `<figure id="${escapeHtml(c.name)}">${c.svg}<figcaption>${escapeHtml(c.title)}</figcaption></figure>`),
    '</body></html>',
  ];
  return parts.filter((p) => p !== '').join('\n');
}

/** The same report in Markdown, linking the chart image files. */
export function renderMarkdown(input: ReportInput): string {
  const { detail } = input;
  const verdicts = verdictTable(detail);
  const parts = [
    `# ${detail.name}`,
    mdTable({ headers: ['', ''], rows: studyFacts(detail) }),
    ...input.notes.map((n) => `> ${n}`),
    verdicts ? `## Verdicts on the article's claims\n\n${mdTable(verdicts)}` : '',
    `## Configurations\n\n${mdTable(aggregateTable(detail.aggregates))}`,
    `## Comparison\n\n${input.comparison ? mdTable(comparisonTable(input.comparison, labelOf(detail))) : (input.comparisonNote ?? 'No comparison.')}`,
    `## Charts\n\n${input.charts.map((c) => `![${c.title}](${encodeURI(c.file)})`).join('\n\n')}`,
  ];
  return `${parts.filter((p) => p !== '').join('\n\n')}\n`;
}
