#!/usr/bin/env node
/**
 * Runs Electronegativity over src/ and fails (exit 1) on any HIGH or MEDIUM finding that
 * .ci/electronegativity-allow.txt does not justify. The tool itself always exits 0, so its CSV is parsed here.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const ALLOW_FILE = join(ROOT, '.ci', 'electronegativity-allow.txt');
const FAILING = new Set(['HIGH', 'MEDIUM']);

/** @param {string} line one CSV record; fields may be quoted, with "" for a quote */
function parseCsvLine(line) {
  const fields = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') fields.push(field.trim()), (field = '');
    else field += c;
  }
  fields.push(field.trim());
  return fields;
}

/** `**` any depth, `*` within a segment, `?` one character. @param {string} glob */
function globToRegExp(glob) {
  const escaped = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace(/\*\*\/?/g, '\0').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]').replace(/\0/g, '.*')}$`);
}

function readAllowList() {
  return readFileSync(ALLOW_FILE, 'utf8')
    .split(/\r?\n/)
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line && !line.startsWith('#'))
    .map(({ line, number }) => {
      const match = /^(\S+)\s+(\S+)\s+#\s*(\S.*)$/.exec(line);
      if (!match) throw new Error(`${ALLOW_FILE}:${number}: expected "CHECK_NAME path/glob  # reason", got: ${line}`);
      return { check: match[1], pattern: globToRegExp(match[2]), glob: match[2], reason: match[3], used: false };
    });
}

function runElectronegativity(csv) {
  const require = createRequire(join(ROOT, 'package.json'));
  const cli = join(dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist', 'index.js');
  const { version } = require('electron/package.json');
  const result = spawnSync(process.execPath, [cli, '-i', join(ROOT, 'src'), '-o', csv, '-r', '-e', version], {
    encoding: 'utf8',
    cwd: ROOT,
  });
  if (result.status !== 0 || !existsSync(csv)) {
    throw new Error(`electronegativity failed (exit ${result.status}):\n${result.stderr || result.stdout}`);
  }
}

const work = mkdtempSync(join(tmpdir(), 'electronegativity-'));
try {
  const csv = join(work, 'findings.csv');
  runElectronegativity(csv);
  const allow = readAllowList();
  const [, ...records] = readFileSync(csv, 'utf8').split(/\r?\n/).filter(Boolean);
  const findings = records.map(parseCsvLine).map(([check, severity, confidence, file, location, , description]) => ({
    check, severity, confidence, file: `src/${file.replace(/\\/g, '/')}`, location, description,
  }));
  const blocking = [];
  for (const f of findings) {
    const entry = allow.find((a) => a.check === f.check && a.pattern.test(f.file));
    if (entry) entry.used = true;
    const label = `${f.severity.padEnd(6)} ${f.check} ${f.file}:${f.location} (${f.confidence}) ${f.description}`;
    if (!FAILING.has(f.severity)) console.log(`  note     ${label}`);
    else if (entry) console.log(`  allowed  ${label}\n           reason: ${entry.reason}`);
    else blocking.push(label);
  }
  for (const a of allow.filter((x) => !x.used)) console.log(`  stale allow-list entry (matched nothing): ${a.check} ${a.glob}`);
  if (blocking.length) {
    console.error(`Electronegativity: ${blocking.length} HIGH/MEDIUM finding(s) not justified in .ci/electronegativity-allow.txt:`);
    for (const label of blocking) console.error(`  BLOCKING ${label}`);
    process.exit(1);
  }
  console.log(`Electronegativity: ${findings.length} finding(s), none blocking.`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
