/**
 * A study file: the `studies:create` request the Studies view sends (name, datasetId, base config, factors,
 * seeds). `name` defaults to the file's name and `datasetId` to the default dataset; flags override both.
 */
import { basename, extname } from 'node:path';
import { requestSchemas, type ParsedRequest } from '../../../shared/contract';
import { issuesLine, readJsonFile } from './run-config';
import { UsageError } from './usage-error';

export interface StudyOverrides {
  datasetId?: string;
  seeds?: number;
  epochs?: number;
}

export function readStudyFile(path: string, overrides: StudyOverrides, defaultDataset: string): ParsedRequest<'studies:create'> {
  const json = readJsonFile(path);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new UsageError(`${path}: a study file is a JSON object with base, factors and seeds`);
  }
  const file: Record<string, unknown> = { name: basename(path, extname(path)), datasetId: defaultDataset, ...json };
  if (overrides.datasetId !== undefined) file['datasetId'] = overrides.datasetId;
  if (overrides.seeds !== undefined) file['seeds'] = overrides.seeds;
  const base = file['base'];
  if (overrides.epochs !== undefined && typeof base === 'object' && base !== null) file['base'] = { ...base, epochs: overrides.epochs };
  const parsed = requestSchemas['studies:create'].safeParse(file);
  if (!parsed.success) throw new UsageError(`${path}: ${issuesLine(parsed.error, (p) => p.join('.') || 'file')}`);
  return parsed.data;
}
