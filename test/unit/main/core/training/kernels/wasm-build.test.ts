import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lossLabWasmBytes } from '@core/training/kernels/wasm-kernels';

const root = fileURLToPath(new URL('../../../../../../', import.meta.url));
const committed = readFileSync(join(root, 'src/main/core/training/kernels/generated/loss-lab-kernels.wasm'));
const clang = spawnSync('clang', ['--version']).status === 0 && spawnSync('wasm-ld', ['--version']).status === 0;

describe('loss-lab-kernels.wasm', () => {
  it('is embedded byte for byte in loss-lab-kernels-binary.ts', () => {
    expect(Buffer.from(lossLabWasmBytes()).equals(committed)).toBe(true);
  });

  it("imports only a memory, so it runs on tfjs's heap", () => {
    // In a child Node: this project's TypeScript lib has no WebAssembly types.
    const script = `const m = new WebAssembly.Module(require('fs').readFileSync(process.argv[1])); console.log(JSON.stringify({ imports: WebAssembly.Module.imports(m), exports: WebAssembly.Module.exports(m).map((e) => e.name).sort() }))`;
    const found: unknown = JSON.parse(
      execFileSync(process.execPath, ['-e', script, join(root, 'src/main/core/training/kernels/generated/loss-lab-kernels.wasm')], { encoding: 'utf8' }),
    );
    expect(found).toEqual({
      imports: [{ module: 'env', name: 'memory', kind: 'memory' }],
      exports: ['adam_step', 'bytes_to_unit', 'dense_forward', 'dense_input_grad', 'dense_output_grad', 'dense_weight_grad', 'tanh_f32'],
    });
  });

  it.skipIf(!clang)('matches a fresh build of native/wasm/ (skipped where clang and lld are not installed: apt-get install clang lld)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'loss-lab-wasm-'));
    try {
      const fresh = join(dir, 'fresh.wasm');
      execFileSync('sh', [join(root, 'scripts/build-wasm-kernels.sh'), fresh]);
      expect(readFileSync(fresh).equals(committed)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
