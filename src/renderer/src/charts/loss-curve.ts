import { curvesOption, type CurveOptions, type CurveRun } from './curves';
import type { Option } from './common';

/** Train and validation loss per epoch (and batch-level training loss while live), one run or several overlaid. */
export function lossCurveOption(runs: readonly CurveRun[], options: CurveOptions = {}): Option {
  return curvesOption(
    { title: 'Loss', yName: 'loss', train: (e) => e.trainLoss, validation: (e) => e.valLoss, percent: false },
    runs,
    options,
  );
}
