/**
 * Which backend trains a model shape, by evidence. A backend is accepted only after its smoke step (a real
 * training step and a prediction of the run's model, finite); among the accepted, the one whose timed steps
 * were fastest is chosen on a shape's first use and remembered (backend-choices.ts). A forced backend is
 * honoured when it passes its smoke step. Every choice comes with its reason, in one line, for the run.
 */
import * as tf from '@tensorflow/tfjs';
import { CoreError } from '../../errors';
import { stderrLogger, type Logger } from '../../logger';
import type { ModelConfig } from '../../../../shared/model-config';
import type { BackendName } from '../../../../shared/run-types';
import { registerLossLabKernels } from '../kernels';
import { readBackendChoice, shapeKey, writeBackendChoice, type BackendChoice } from './backend-choices';
import { quietFirstUse, type BackendCandidate } from './candidates';
import { trialSteps } from './trial-steps';

export interface SelectRequest {
  /** The run's model: its shape and batch size decide the speed; the rest makes the smoke step a real one. */
  config: ModelConfig;
  /** Forced (`--backend`, the lab's backend setting): used whenever it passes its smoke step. */
  preferred?: BackendName;
  /** The data dir's backend-choices.json; null: measure once per selector, remember nothing on disk. */
  choicesPath: string | null;
}

export interface Selection {
  name: BackendName;
  reason: string;
}

export interface SelectorOptions {
  candidates: readonly BackendCandidate[];
  /** Timed steps per backend (after the smoke step). */
  timedSteps?: number;
  now?: () => Date;
  /** Where a choices file that cannot be written is reported (default: stderr); the run goes on. */
  logger?: Logger;
}

/** The first line of an error; a foreign error's class is named (TypeError: …), the core's own are written to be read as they are. */
const oneLine = (error: unknown): string => {
  const named = error instanceof Error && error.name !== 'Error' && !(error instanceof CoreError);
  return (error instanceof Error ? `${named ? `${error.name}: ` : ''}${error.message}` : String(error)).split('\n')[0];
};
const ms = (value: number): string => (value < 10 ? value.toFixed(2) : value.toFixed(1));

/** Chooses backends for one process (or worker): loads, smoke steps and measurements are kept for its life. */
export function createBackendSelector(options: SelectorOptions): (request: SelectRequest) => Promise<Selection> {
  const timedSteps = options.timedSteps ?? 5;
  const now = options.now ?? (() => new Date());
  const loads = new Map<BackendName, Promise<void>>();
  /** Shapes whose smoke step passed, per backend, in this process. */
  const smoked = new Set<string>();
  const measured = new Map<string, BackendChoice>();

  const load = (c: BackendCandidate): Promise<void> => {
    let loading = loads.get(c.name);
    if (loading === undefined) {
      loading = c.load();
      loads.set(c.name, loading);
    }
    return loading;
  };

  /** Makes `c` the active backend, its kernels registered; the reason it cannot be, thrown as one line. */
  const activate = async (c: BackendCandidate): Promise<void> => {
    try {
      await load(c);
    } catch (error) {
      throw new Error(`could not load: ${oneLine(error)}`, { cause: error });
    }
    let ok: boolean;
    try {
      ok = await tf.setBackend(c.name);
      if (ok) await tf.ready();
    } catch (error) {
      throw new Error(`could not start: ${oneLine(error)}`, { cause: error });
    }
    if (!ok) throw new Error('could not start here');
    quietFirstUse(tf.backend());
    registerLossLabKernels(c.name);
  };

  /** Activates `c` and runs its smoke step (once per shape per process) and `timed` timed steps, or says why it failed. */
  const accept = async (
    c: BackendCandidate,
    config: ModelConfig,
    timed = 0,
    giveUpAboveMs?: number,
  ): Promise<{ failure: string } | { msPerStep: number | null }> => {
    try {
      await activate(c);
    } catch (error) {
      return { failure: `${c.name} ${oneLine(error)}` };
    }
    const key = `${c.name} ${shapeKey(config)}`;
    if (timed === 0 && smoked.has(key)) return { msPerStep: null };
    try {
      const trial = trialSteps(config, { timedSteps: timed, giveUpAboveMs });
      smoked.add(key);
      return { msPerStep: trial.msPerStep };
    } catch (error) {
      return { failure: `${c.name} failed its smoke step: ${oneLine(error)}` };
    }
  };

  /** Smoke-steps and times every candidate; the fastest wins. Throws when none passes. */
  const measure = async (config: ModelConfig, failures: string[], failed: ReadonlySet<BackendName>): Promise<BackendChoice> => {
    const times: Partial<Record<BackendName, number>> = {};
    const missing: BackendName[] = [];
    let best: { name: BackendName; ms: number } | null = null;
    for (const c of options.candidates) {
      if (failed.has(c.name)) continue;
      // A backend 3× slower than the best so far after one step is out of the race: no need for more steps.
      const result = await accept(c, config, timedSteps, best === null ? undefined : best.ms * 3);
      if ('failure' in result) {
        failures.push(result.failure);
        if (c.installed !== undefined && !c.installed()) missing.push(c.name);
        continue;
      }
      const time = result.msPerStep ?? Number.POSITIVE_INFINITY;
      times[c.name] = time;
      if (best === null || time < best.ms) best = { name: c.name, ms: time };
    }
    if (best === null) throw new Error(`no TensorFlow.js backend passed its smoke step here: ${failures.join('; ')}`);
    const date = now().toISOString();
    const others = Object.entries(times)
      .filter(([name]) => name !== best.name)
      .sort((a, b) => a[1] - b[1]);
    const shape = shapeKey(config);
    const verdict =
      others.length === 0
        ? `${best.name}: the only backend that passed its smoke step here (${ms(best.ms)} ms a step, ${shape}), checked ${date.slice(0, 10)}`
        : `${best.name}: ${(others[0][1] / best.ms).toFixed(1)}× faster than ${others[0][0]} here (${ms(best.ms)} vs ${ms(others[0][1])} ms a step, ${shape}), measured ${date.slice(0, 10)}`;
    const reason = [verdict, ...failures].join('; ');
    return { backend: best.name, reason, measuredAt: date, msPerStep: times, missing };
  };

  /** The remembered choice, when it is still valid here: no backend missing then is installed now. */
  const remembered = (request: SelectRequest): BackendChoice | null => {
    const shape = shapeKey(request.config);
    const choice = measured.get(shape) ?? (request.choicesPath === null ? null : readBackendChoice(request.choicesPath, shape));
    if (choice === null) return null;
    const installedSince = choice.missing.some((name) => options.candidates.find((c) => c.name === name)?.installed?.() === true);
    return installedSince ? null : choice;
  };

  return async (request) => {
    const failures: string[] = [];
    const failed = new Set<BackendName>();
    const forced = request.preferred === undefined ? undefined : options.candidates.find((c) => c.name === request.preferred);
    if (forced !== undefined) {
      const result = await accept(forced, request.config);
      if (!('failure' in result)) return { name: forced.name, reason: `${forced.name}: forced (--backend or the backend setting); passed its smoke step` };
      failures.push(`${result.failure} (it was forced)`);
      failed.add(forced.name);
    }
    const known = remembered(request);
    const knownCandidate = known === null ? undefined : options.candidates.find((c) => c.name === known.backend);
    if (known !== null && knownCandidate !== undefined && knownCandidate !== forced) {
      const result = await accept(knownCandidate, request.config);
      if (!('failure' in result)) return { name: known.backend, reason: [...failures, known.reason].join('; ') };
      failures.push(`${result.failure} (it was the remembered choice)`);
      failed.add(knownCandidate.name);
    }
    const choice = await measure(request.config, failures, failed);
    const winner = options.candidates.find((c) => c.name === choice.backend);
    if (winner !== undefined) await activate(winner);
    measured.set(shapeKey(request.config), choice);
    if (request.choicesPath !== null) {
      try {
        writeBackendChoice(request.choicesPath, shapeKey(request.config), choice);
      } catch (error) {
        (options.logger ?? stderrLogger).warn(`could not remember the backend choice in ${request.choicesPath}: ${oneLine(error)}`);
      }
    }
    return { name: choice.backend, reason: choice.reason };
  };
}
