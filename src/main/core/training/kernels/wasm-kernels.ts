/**
 * Loss Lab's WebAssembly SIMD kernels (native/wasm/), instantiated on the memory of tfjs's WASM
 * backend so they work on tensors where they lie. One instance per memory, made on first use.
 */
import { LOSS_LAB_KERNELS_WASM_BASE64 } from './generated/loss-lab-kernels-binary';

/** A WebAssembly.Memory (this project's TypeScript lib has no DOM, hence no WebAssembly types of its own). */
export interface WasmMemory {
  readonly buffer: ArrayBufferLike;
}

/** The members of the WebAssembly JS API used here. */
interface WasmJsApi {
  Memory: abstract new (...args: never[]) => WasmMemory;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, Record<string, unknown>>) => { exports: Record<string, unknown> };
}

function isWasmJsApi(value: unknown): value is WasmJsApi {
  return typeof value === 'object' && value !== null && 'Memory' in value && 'Module' in value && 'Instance' in value;
}

/** The runtime's WebAssembly API, or null where there is none. */
function wasmJsApi(): WasmJsApi | null {
  const api: unknown = Reflect.get(globalThis, 'WebAssembly');
  return isWasmJsApi(api) ? api : null;
}

/** Whether `value` is a WebAssembly.Memory. */
export function isWasmMemory(value: unknown): value is WasmMemory {
  const api = wasmJsApi();
  return api !== null && value instanceof api.Memory;
}

export interface LossLabWasm {
  /** See native/wasm/: pointers are byte offsets in the shared memory. */
  adam_step(
    param: number,
    out: number,
    grad: number,
    m: number,
    v: number,
    n: number,
    beta1: number,
    oneMinusBeta1: number,
    beta2: number,
    oneMinusBeta2: number,
    oneMinusAccBeta1: number,
    oneMinusAccBeta2: number,
    eps: number,
    negLr: number,
  ): void;
  /** out = act(x·w + b), act 0: none, 1: relu, 2: tanh; x [rows, inUnits], w [inUnits, units]; scratch [inUnits] int32 or 0. */
  dense_forward(x: number, w: number, b: number, out: number, scratch: number, rows: number, inUnits: number, units: number, act: number): void;
  /** out = tanh(x) for n floats. */
  tanh_f32(x: number, out: number, n: number): void;
  /** dw = xᵀ·dz; x [rows, inUnits], dz [rows, units]; scratch [2·inUnits + 1 + rows·inUnits] int32 or 0. */
  dense_weight_grad(x: number, dz: number, dw: number, scratch: number, rows: number, inUnits: number, units: number): void;
  /** dz = act'(y)·dy, db = column sums of dz; act 0: none, 1: relu, 2: tanh, 3: sigmoid. */
  dense_output_grad(dy: number, y: number, dz: number, db: number, rows: number, units: number, act: number): void;
  /** dx = dz·wᵀ, with wt [units, inUnits] as scratch; dz [rows, units], w [inUnits, units]. */
  dense_input_grad(dz: number, w: number, wt: number, dx: number, rows: number, inUnits: number, units: number): void;
  /** out[i] = bytes[i] / 255 (float32) for n bytes. */
  bytes_to_unit(bytes: number, out: number, n: number): void;
}

const instances = new WeakMap<WasmMemory, LossLabWasm>();
let compiled: object | null = null;

/** The module's bytes, as committed (src/main/core/training/kernels/generated/loss-lab-kernels.wasm). */
export function lossLabWasmBytes(): Uint8Array {
  return Uint8Array.from(Buffer.from(LOSS_LAB_KERNELS_WASM_BASE64, 'base64'));
}

function isLossLabWasm(exports: Record<string, unknown>): exports is Record<string, unknown> & LossLabWasm {
  return ['adam_step', 'tanh_f32', 'dense_forward', 'dense_weight_grad', 'dense_output_grad', 'dense_input_grad', 'bytes_to_unit'].every(
    (name) => typeof exports[name] === 'function',
  );
}

/**
 * The kernels bound to `memory`, or null where they cannot run on it (a shared memory of tfjs's threaded
 * build: the module imports a plain one). Synchronous: the module is under 8 KB, and Node compiles
 * modules of any size synchronously (training never runs in a browser page).
 */
export function lossLabWasm(memory: WasmMemory): LossLabWasm | null {
  if (typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer) return null;
  const known = instances.get(memory);
  if (known !== undefined) return known;
  const api = wasmJsApi();
  if (api === null) return null;
  compiled ??= new api.Module(lossLabWasmBytes());
  const { exports } = new api.Instance(compiled, { env: { memory } });
  if (!isLossLabWasm(exports)) throw new Error('loss-lab-kernels.wasm lacks a kernel Loss Lab calls: rebuild it with scripts/build-wasm-kernels.sh');
  instances.set(memory, exports);
  return exports;
}
