/**
 * What the first paint does not show is a chunk of its own: nothing the renderer's entry imports
 * statically reaches the panels and dialogs opened later, or the Markdown renderer; a dynamic import
 * in the renderer loads each of them.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../../testPaths';
import { dynamicTargets, staticGraph, staticPackages } from '../importGraph';

const at = (file: string) => path.join(REPO, 'renderer/src', file);

/** Loaded with import() where they are opened. */
const LAZY = [
  'overview/OverviewPanel.tsx',
  'history/HistoryPanel.tsx',
  'exports/ExportDialog.tsx',
  'claims/MarkdownBody.tsx',
  'captures/EvidenceDialog.tsx',
  'captures/CaptureView.tsx',
  'publication/PublicationDialog.tsx',
  'team/MembersDialog.tsx',
  'review/SettingsDialog.tsx',
  'shortcuts/ShortcutsDialog.tsx',
];
/** Parts of those chunks (the scale editor, the report preview, the windowed Overview). */
const INSIDE_LAZY = ['overview/ScaleSettings.tsx', 'overview/ClaimTable.tsx', 'overview/OverviewList.tsx', 'exports/ReportPreview.tsx'];

describe('lazily loaded chunks', () => {
  const graph = staticGraph(at('main.tsx'));

  it('the entry reaches the app statically (the check is not vacuous)', () => {
    expect(graph.has(at('app/App.tsx'))).toBe(true);
    expect(graph.has(at('claims/ClaimPanel.tsx'))).toBe(true);
    expect(graph.has(at('review/ReviewTools.tsx'))).toBe(true);
  });

  it.each(LAZY)('%s is not imported statically, and is imported dynamically', (file) => {
    expect(graph.has(at(file))).toBe(false);
    expect(dynamicTargets(graph)).toContain(at(file));
  });

  it.each(INSIDE_LAZY)('%s is not imported statically', (file) => {
    expect(graph.has(at(file))).toBe(false);
  });

  it('react-markdown and the search index are not in the first script', () => {
    const packages = staticPackages(graph);
    expect(packages.has('react')).toBe(true);
    expect(packages.has('react-markdown')).toBe(false);
    expect(packages.has('minisearch')).toBe(false);
  });
});
