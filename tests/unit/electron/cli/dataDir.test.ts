import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../../../electron/cli/dataDir';

describe('browser-mode data dir', () => {
  it('prefers FACTCHECK_HOME, then XDG_DATA_HOME, then ~/.local/share', () => {
    expect(defaultDataDir({ FACTCHECK_HOME: '/x/fc', XDG_DATA_HOME: '/x/xdg' }, '/home/u')).toBe(resolve('/x/fc'));
    expect(defaultDataDir({ XDG_DATA_HOME: '/x/xdg' }, '/home/u')).toBe(resolve('/x/xdg/factcheck-workbench'));
    expect(defaultDataDir({}, '/home/u')).toBe(join('/home/u', '.local', 'share', 'factcheck-workbench'));
  });
});
