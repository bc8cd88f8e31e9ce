import { curvesOption, type CurveOptions, type CurveRun } from './curves';
import type { Option } from './common';

/** Train, validation (when held out) and test loss per epoch (and batch-level training loss while live), one run or several overlaid. */
export function lossCurveOption(runs: readonly CurveRun[], options: CurveOptions = {}): Option {
  return curvesOption(
    { title: 'Loss', yName: 'loss', train: (e) => e.trainLoss, validation: (e) => e.valLoss, test: (e) => e.testLoss, percent: false },
    runs,
    options,
  );
}
