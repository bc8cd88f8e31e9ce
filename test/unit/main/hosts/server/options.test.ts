import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '@hosts/common/data-dir';
import { DEFAULT_PORT, parseServeOptions } from '@hosts/server/options';

describe('serve options', () => {
  it('defaults to 127.0.0.1:5178 and the per-user data dir', () => {
    const options = parseServeOptions([], { HOME: '/home/ada' });
    expect(options).toMatchObject({ host: '127.0.0.1', port: DEFAULT_PORT, token: null });
    expect(DEFAULT_PORT).toBe(5178);
  });

  it('takes flags over environment variables', () => {
    const env = { LOSS_LAB_PORT: '6000', LOSS_LAB_DATA_DIR: '/env/data' };
    expect(parseServeOptions([], env)).toMatchObject({ port: 6000, dataDir: '/env/data' });
    expect(parseServeOptions(['--port', '7000', '--data-dir', '/flag/data', '--host', '0.0.0.0'], env)).toMatchObject({
      port: 7000,
      dataDir: '/flag/data',
      host: '0.0.0.0',
    });
  });

  it('rejects a bad port, an unknown flag and a weak token', () => {
    expect(() => parseServeOptions(['--port', 'http'])).toThrow(/--port/);
    expect(() => parseServeOptions(['--port', '70000'])).toThrow(/--port/);
    expect(() => parseServeOptions(['--verbose'])).toThrow();
    expect(() => parseServeOptions([], { LOSS_LAB_TOKEN: 'short' })).toThrow(/LOSS_LAB_TOKEN/);
  });
});

describe('defaultDataDir', () => {
  it('follows each platform', () => {
    expect(defaultDataDir({}, 'linux', '/home/ada')).toBe('/home/ada/.config/loss-lab');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/ada')).toBe('/xdg/loss-lab');
    expect(defaultDataDir({ XDG_CONFIG_HOME: 'relative' }, 'linux', '/home/ada')).toBe('/home/ada/.config/loss-lab');
    expect(defaultDataDir({}, 'darwin', '/Users/ada')).toBe('/Users/ada/Library/Application Support/loss-lab');
    expect(defaultDataDir({ APPDATA: 'C:/Users/ada/AppData/Roaming' }, 'win32', 'C:/Users/ada')).toMatch(/Roaming.loss-lab$/);
  });
});
