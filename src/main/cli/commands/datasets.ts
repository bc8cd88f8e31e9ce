import type { CliSession } from '../cli-lab';
import { table } from '../format';
import { UsageError } from '../usage-error';

export async function importDataset({ lab }: CliSession, paths: string[], name: string | undefined, json: boolean): Promise<void> {
  if (paths.length === 0) throw new UsageError('datasets import needs a folder or the four IDX files');
  const info = await lab.paths.importDataset(paths, name, (p) => {
    if (!json) console.error(`${Math.round(p.fraction * 100)}% ${p.message}`);
  });
  console.log(json ? JSON.stringify(info) : `imported "${info.name}" as ${info.id}: ${info.trainSize} train + ${info.testSize} test images`);
}

export async function listDatasets({ api }: CliSession, json: boolean): Promise<void> {
  const list = await api.datasets.list();
  if (json) return console.log(JSON.stringify(list));
  console.log(table([['id', 'name', 'train', 'test', 'source'], ...list.map((d) => [d.id, d.name, String(d.trainSize), String(d.testSize), d.source])]));
}
