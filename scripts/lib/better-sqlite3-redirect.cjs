// Preload (NODE_OPTIONS="--require <this file>"), used by scripts/node24-tests.sh: when any copy of
// better-sqlite3 loads its addon build/Release/better_sqlite3.node (node_modules' build is for Node 20's
// ABI), load instead the build for the running Node's ABI named by BETTER_SQLITE3_NODE. node_modules stays
// untouched; NODE_OPTIONS and the variable are inherited by vitest's workers and every CLI child process.
'use strict';
const target = process.env.BETTER_SQLITE3_NODE;
if (target) {
  const original = process.dlopen;
  const addon = /[\\/]better-sqlite3[\\/]build[\\/]Release[\\/]better_sqlite3\.node$/;
  process.dlopen = function dlopen(module, filename, ...rest) {
    return original.call(this, module, addon.test(String(filename)) ? target : filename, ...rest);
  };
}
