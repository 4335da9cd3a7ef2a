/** The README's shortcut table and the "?" sheet list the same shortcuts. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHORTCUT_GROUPS } from '../../../../renderer/src/shortcuts/shortcutList';
import { REPO } from '../../testPaths';

function readmeRows(): Map<string, string> {
  const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Keyboard shortcuts'));
  const rows = new Map<string, string>();
  for (const line of section.split('\n').slice(1)) {
    if (line.startsWith('#')) break;
    const cells = line.split('|').map((cell) => cell.trim());
    if (cells.length >= 4 && cells[1] && !cells[1].startsWith('---') && cells[1] !== 'Keys (Cmd on macOS)') rows.set(cells[1], cells[2]!);
  }
  return rows;
}

describe('keyboard shortcuts', () => {
  it('the README table has every shortcut of the sheet, and no other', () => {
    const sheet = new Map(SHORTCUT_GROUPS.flatMap((group) => group.entries.map((entry) => [entry.keys, entry.action] as const)));
    expect(readmeRows()).toEqual(sheet);
  });
});
