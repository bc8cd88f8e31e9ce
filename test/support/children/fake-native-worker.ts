/**
 * A training worker on a machine whose native backend is broken the way tfjs-node 4.22 is on Node ≥ 23: a
 * `tensorflow` backend whose every op throws is registered, then the real worker entry takes the job.
 */
import { registerFakeNative } from '../fake-backends';

registerFakeNative('throwing');
await import('../../../src/main/core/training/thread/training-worker');
