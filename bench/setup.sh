#!/bin/sh
# `npm run bench:setup`: what the benchmark needs besides node_modules, from Debian's archive.
#   python3-torch        the PyTorch peer (bench/peers/torch_mlp.py runs on /usr/bin/python3)
#   libopenblas0-pthread an optimised BLAS for it: without one, libblas.so.3 is the reference BLAS, which no
#                        PyTorch user runs (the bench labels such a peer "reference BLAS (not what users run)")
#   clang lld            build native/wasm/*.c into the committed .wasm kernels (scripts/build-wasm-kernels.sh)
set -e
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get install -y python3-torch libopenblas0-pthread clang lld
update-alternatives --display libblas.so.3-x86_64-linux-gnu | head -3
