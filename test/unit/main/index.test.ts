import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { LabOptions } from '@core/lab/lab-types';
import { fake, FakeBrowserWindow, resetFakeElectron } from '@support/fake-electron';
import { createLabDouble } from '@support/lab-double';

vi.mock('electron', async () => (await import('@support/fake-electron')).electronModule);
const opened: LabOptions[] = [];
vi.mock('@core/lab/create-lab', () => ({
  createLab: (options: LabOptions) => {
    opened.push(options);
    return Promise.resolve(createLabDouble(options.dataDir));
  },
}));

const ELECTRON_VERSION = '40.9.3';
const project = mkdtempSync(join(tmpdir(), 'loss-lab-entry-'));
const binding = join(project, '.electron-native', ELECTRON_VERSION, 'better_sqlite3.node');
mkdirSync(join(binding, '..'), { recursive: true });
writeFileSync(binding, '');

afterAll(() => {
  rmSync(project, { recursive: true, force: true });
  Reflect.deleteProperty(process.versions, 'electron');
});

describe('src/main/index.ts, the Electron entry', () => {
  it('starts the desktop app on the core lab, with the Electron build of better-sqlite3 and the built worker', async () => {
    resetFakeElectron();
    fake.app.appPath = project;
    fake.app.userData = join(project, 'userData');
    // What Electron's process reports; plain Node has no such entry.
    Object.defineProperty(process.versions, 'electron', { value: ELECTRON_VERSION, configurable: true });
    await import('../../../src/main/index');
    fake.app.becomeReady();
    await vi.waitFor(() => expect(FakeBrowserWindow.all).toHaveLength(1));
    expect(fake.errorBoxes).toEqual([]);
    expect(opened).toHaveLength(1);
    const [options] = opened;
    expect(options).toMatchObject({ dataDir: join(project, 'userData'), host: 'electron', sqliteNativeBinding: binding });
    expect(options?.workerUrl?.pathname).toMatch(/\/training-worker\.js$/);
    expect(options?.files).toBeDefined();
    expect(options?.runTargetSecrets).toBeDefined();
  });
});
