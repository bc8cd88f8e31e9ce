import { curvesOption, type CurveOptions, type CurveRun } from './curves';
import type { Option } from './common';

/** Train, validation (when held out) and test accuracy per epoch, for one run or several overlaid. */
export function accuracyCurveOption(runs: readonly CurveRun[], options: CurveOptions = {}): Option {
  return curvesOption(
    { title: 'Accuracy', yName: 'accuracy', train: (e) => e.trainAccuracy, validation: (e) => e.valAccuracy, test: (e) => e.testAccuracy, percent: true },
    runs,
    options,
  );
}
