/**
 * The Node that scripts/node24-tests.sh runs the core on (package.json "electronNode") must be the Node of the
 * Electron the app ships with (devDependencies.electron, and the installed copy). Bumping Electron without
 * moving the Node pin fails here, so the core is never tested on a Node the app no longer runs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** Electron major → the Node it ships (https://releases.electronjs.org, "Node" column of the first stable). */
const ELECTRON_NODE: Readonly<Record<string, string>> = { '40': '24.11.1' };

interface ProjectPins {
  devDependencies: Record<string, string>;
  electronNode: { electron: string; node: string };
}

/** What is wrong with the pins for an Electron `installed` (its package.json version, if any); null when nothing. */
function pinProblem(pins: ProjectPins, installed: string | null): string | null {
  const range = pins.devDependencies['electron'] ?? '';
  const major = /(\d+)\./.exec(range)?.[1];
  if (major === undefined) return `devDependencies.electron "${range}" names no major version`;
  if (installed !== null && installed.split('.')[0] !== major) return `node_modules has Electron ${installed}, package.json pins ${range}`;
  const node = ELECTRON_NODE[major];
  if (node === undefined) return `Electron ${major} is not in the Electron → Node table: add its Node version here and to package.json "electronNode"`;
  if (pins.electronNode.electron !== major)
    return `package.json "electronNode" is for Electron ${pins.electronNode.electron}, but Electron ${major} is pinned: set it to Electron ${major}, Node ${node}`;
  if (pins.electronNode.node !== node) return `Electron ${major} ships Node ${node}, but package.json "electronNode" pins Node ${pins.electronNode.node}`;
  return null;
}

const root = (path: string): string => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const project = JSON.parse(readFileSync(root('package.json'), 'utf8')) as ProjectPins;
const installedPath = root('node_modules/electron/package.json');
const installed = existsSync(installedPath) ? (JSON.parse(readFileSync(installedPath, 'utf8')) as { version: string }).version : null;

describe('the Node pin next to the Electron pin', () => {
  it('package.json pins the Node of the pinned (and installed) Electron', () => {
    expect(pinProblem(project, installed)).toBeNull();
  });

  it('fails when Electron moves and the Node pin does not', () => {
    const moved = { ...project, devDependencies: { ...project.devDependencies, electron: '~41.0.0' } };
    expect(pinProblem(moved, null)).toMatch(/Electron 41 is not in the Electron → Node table/);
    expect(pinProblem(project, '41.0.0')).toMatch(/node_modules has Electron 41\.0\.0/);
    expect(pinProblem({ ...project, electronNode: { electron: '40', node: '22.20.0' } }, null)).toMatch(/ships Node 24\.11\.1, but .* pins Node 22\.20\.0/);
    expect(pinProblem({ ...project, electronNode: { electron: '39', node: '24.11.1' } }, null)).toMatch(/is for Electron 39/);
  });

  it('the Node tests script reads the pin rather than a version of its own', () => {
    const script = readFileSync(root('scripts/node24-tests.sh'), 'utf8');
    expect(script).toContain("require('./package.json').electronNode");
    expect(script).not.toMatch(/24\.11\.1/);
  });
});
