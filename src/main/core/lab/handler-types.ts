import type { BackendName } from '../../../shared/run-types';
import type { Channel, LabInfo, ParsedRequest, Responses } from '../../../shared/contract';
import type { DatasetRegistry } from '../datasets/registry';
import type { RunStore } from '../store';
import type { HostFiles } from './host-files';
import type { LabEvents } from './lab-events';
import type { PredictorCache } from './predictors';
import type { RunScheduler } from './run-scheduler';
import type { RunTarget } from './run-target';

export type Handler<C extends Channel> = (request: ParsedRequest<C>) => Promise<Responses[C]> | Responses[C];
export type Handlers<C extends Channel = Channel> = { [K in C]: Handler<K> };

/** Everything a handler may use; built once by createLab. */
export interface LabContext {
  store: RunStore;
  datasets: DatasetRegistry;
  scheduler: RunScheduler;
  predictors: PredictorCache;
  events: LabEvents;
  info: LabInfo;
  backend: BackendName;
  workers: number;
  /** The desktop host's dialogs; null in browser mode and on the command line. */
  files: HostFiles | null;
  /** Where runs started now train ("Run on: this machine / queue"). */
  runTarget: RunTarget;
}
