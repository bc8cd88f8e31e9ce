import { curvesOption, type CurveRun } from './curves';
import type { Option } from './common';

/** Train, validation (when held out) and test loss per epoch, for one run or several overlaid. */
export function lossCurveOption(runs: readonly CurveRun[]): Option {
  return curvesOption(
    { title: 'Loss', yName: 'loss', train: (e) => e.trainLoss, validation: (e) => e.valLoss, test: (e) => e.testLoss, percent: false },
    runs,
  );
}
