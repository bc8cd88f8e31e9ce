/** `study run --dry-run`: the runs a study would queue and the combinations it would skip, without training. */
import type { ModelConfig } from '../../../shared/model-config';
import type { StudyConfiguration } from '../../../shared/study-types';
import type { SkippedCombination } from '../../core/studies/plan/expand';
import { clip, table } from './format';
import { wrap, WIDTH } from './help';
import { printJson } from './progress';

export interface PlannedStudy {
  name: string;
  datasetId: string;
  configurations: StudyConfiguration[];
  seeds: number[];
  skipped: SkippedCombination[];
}

const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

const brief = (c: ModelConfig): string =>
  `${c.hiddenUnits.join('-')} ${c.hiddenActivation}→${c.outputActivation} ${c.loss} ${c.optimizer} lr ${c.learningRate} batch ${c.batchSize} ×${c.epochs}`;

export function printDryRun(plan: PlannedStudy, json: boolean): void {
  // Seed-major, the order the study queues them in.
  const runs = plan.seeds.flatMap((seed) => plan.configurations.map((c) => ({ ...c, seed })));
  if (json) {
    for (const r of runs) printJson({ type: 'run', key: r.key, label: r.label, seed: r.seed, config: { ...r.config, seed: r.seed } });
    for (const s of plan.skipped) printJson({ type: 'skipped', key: s.key, label: s.label, reason: s.reason });
    return;
  }
  console.log(
    `study "${plan.name}" on ${plan.datasetId}: ${plural(plan.configurations.length, 'configuration')} × ${plural(plan.seeds.length, 'seed')} = ${plural(runs.length, 'run')}`,
  );
  console.log(
    table([['#', 'configuration', 'seed', 'model'], ...runs.map((r, i) => [String(i + 1), clip(r.label, 36), String(r.seed), clip(brief(r.config), 50)])]),
  );
  if (plan.skipped.length === 0) return;
  console.log(`\n${plan.skipped.length} combination${plan.skipped.length === 1 ? '' : 's'} skipped (cannot train):`);
  for (const s of plan.skipped) console.log(`  ${wrap(`${s.label}: ${s.reason}`, WIDTH - 4, 4)}`);
}
