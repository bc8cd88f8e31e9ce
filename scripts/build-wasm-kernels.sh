#!/bin/sh
# Builds native/wasm/*.c (in name order) into the committed WebAssembly module and its embedded copy.
#   sh scripts/build-wasm-kernels.sh [out.wasm]
# Needs Debian's clang and lld (`npm run bench:setup` installs them). With an argument, writes only that file
# (test/unit/main/core/training/kernels/wasm-build.test.ts compares a fresh build with the committed binary).
set -e
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${1:-"$ROOT/src/main/core/training/kernels/generated/loss-lab-kernels.wasm"}
# -fno-builtin / -nostdlib: no libc; --import-memory: run on tfjs's heap; no -g: the binary is reproducible.
clang --target=wasm32 -O3 -msimd128 -nostdlib -fno-builtin -ffp-contract=off \
  -Wl,--no-entry -Wl,--import-memory -Wl,--strip-all -Wl,-z,stack-size=0 \
  -o "$OUT" "$ROOT"/native/wasm/*.c
# The linker keeps a stack-pointer global; the code must never use it (it would write below tfjs's data).
OBJDUMP=$(command -v llvm-objdump || ls /usr/lib/llvm-*/bin/llvm-objdump 2>/dev/null | head -1)
if [ -n "$OBJDUMP" ] && "$OBJDUMP" -d "$OUT" | grep -q 'global\.'; then
  echo "$OUT: the code uses a global (the stack pointer): it would write into tfjs's heap" >&2
  exit 1
fi
if [ $# -eq 0 ]; then
  node "$ROOT/scripts/lib/embed-wasm.mjs" "$OUT" "$ROOT/src/main/core/training/kernels/generated/loss-lab-kernels-binary.ts"
fi
