#!/usr/bin/env node
/**
 * Runs Electronegativity over src/ and fails (exit 1) on any HIGH or MEDIUM finding that
 * .ci/electronegativity-allow.txt does not justify. The tool's CLI always exits 0, and its CSV writer races
 * (the header write can truncate the rows: seen on a fresh clone), so its runner is called directly and the
 * findings it returns are read as data.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const ALLOW_FILE = join(ROOT, '.ci', 'electronegativity-allow.txt');
const FAILING = new Set(['HIGH', 'MEDIUM']);

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

/** The tool's findings over src/, scanned for the installed Electron version. */
async function scan() {
  const require = createRequire(join(ROOT, 'package.json'));
  const run = require('@doyensec/electronegativity/dist/runner.js');
  const { version } = require('electron/package.json');
  const result = await run(
    { input: join(ROOT, 'src'), isSarif: false, customScan: [], excludeFromScan: [], isRelative: true, isVerbose: false, electronVersionOverride: version, parserPlugins: [] },
    false,
  );
  if (result.errors.length) {
    throw new Error(`electronegativity could not parse ${result.errors.length} file(s): ${result.errors.map((e) => e.file).join(', ')}`);
  }
  return result.issues.map((issue) => ({
    check: issue.id,
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    file: `src/${issue.file.replace(/\\/g, '/')}`,
    location: `${issue.location.line}:${issue.location.column}`,
    description: issue.description,
  }));
}

const findings = await scan();
const allow = readAllowList();
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
