import { curvesOption, type CurveRun } from './curves';
import type { Option } from './common';

/** Train and validation loss per epoch, for one run or several overlaid. */
export function lossCurveOption(runs: readonly CurveRun[]): Option {
  return curvesOption(
    { title: 'Loss', yName: 'loss', train: (e) => e.trainLoss, validation: (e) => e.valLoss, percent: false },
    runs,
  );
}
