/**
 * Child process of the crash-recovery test: `node --import tsx crash-child.ts <dbPath>`. Opens the store,
 * creates a run, marks it running, commits two epochs, then opens a third epoch's transaction that it never
 * commits (on a connection of its own: the store hands out no SQL), prints `ready <runId>` and loops until the
 * parent kills it with SIGKILL.
 */
import Database from 'better-sqlite3';
import { openStore } from '../../../src/main/core/store';
import { epochMetrics, newRun } from '../store';

const dbPath = process.argv[2];
if (!dbPath) throw new Error('usage: crash-child.ts <dbPath>');
const store = openStore(dbPath);
const { id } = store.createRun(newRun({ name: 'crashes mid-training' }));
store.markRunning(id, 'cpu');
store.appendEpoch(id, epochMetrics(1));
store.appendEpoch(id, epochMetrics(2));
const db = new Database(dbPath);
db.exec('BEGIN IMMEDIATE');
db.prepare('INSERT INTO epochs (run_id, epoch, seconds, samples_per_second, layers) VALUES (?, 3, 1, 1, ?)').run(id, '[]');
process.stdout.write(`ready ${id}\n`);
// Stand-in for a training loop: busy, holding the uncommitted transaction, until killed.
setInterval(() => {
  let sum = 0;
  for (let i = 0; i < 1e5; i++) sum += Math.sqrt(i);
  if (sum < 0) process.stdout.write('never\n');
}, 10);
