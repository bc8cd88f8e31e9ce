import { describe, expect, it } from 'vitest';
import { unpackedPath } from '@hosts/electron/asar-paths';

describe('unpackedPath', () => {
  it('maps a path inside app.asar to its twin in app.asar.unpacked, with either separator', () => {
    expect(unpackedPath('/opt/Loss Lab/resources/app.asar/node_modules/a/b.node')).toBe('/opt/Loss Lab/resources/app.asar.unpacked/node_modules/a/b.node');
    expect(unpackedPath('C:\\Program Files\\Loss Lab\\resources\\app.asar\\node_modules\\a\\b.node')).toBe(
      'C:\\Program Files\\Loss Lab\\resources\\app.asar.unpacked\\node_modules\\a\\b.node',
    );
    expect(unpackedPath('/Applications/Loss Lab.app/Contents/Resources/app.asar')).toBe('/Applications/Loss Lab.app/Contents/Resources/app.asar.unpacked');
  });

  it('leaves alone paths outside an archive, already unpacked, or merely named like one', () => {
    for (const path of ['/home/me/loss-lab/node_modules/a/b.node', '/r/app.asar.unpacked/x.node', '/r/my-app.asar/x', '/r/app.asarx/x']) {
      expect(unpackedPath(path)).toBe(path);
    }
  });
});
