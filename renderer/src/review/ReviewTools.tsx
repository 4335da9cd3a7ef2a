/**
 * Top-bar buttons of the review workflow: Overview, History and Settings (each opens its own panel).
 * Each is a chunk of its own, fetched when the pointer or focus reaches its button or when first
 * opened (Overview and History also once the project has painted); while one loads, its empty panel
 * stands where it will be.
 */
import { useEffect, useState } from 'react';
import { ROLE_LABELS } from '../../../shared/labels';
import type { Project } from '../../../shared/operations';
import { lazyComponent, preloadWhenIdle } from '../lazy/lazyComponent';
import { LazyDialog, LazyPanel } from '../lazy/LazyPanel';
import { useSettings } from '../app/context';
import './review.css';

const OverviewPanel = lazyComponent(() => import('../overview/OverviewPanel').then((module) => module.OverviewPanel));
const HistoryPanel = lazyComponent(() => import('../history/HistoryPanel').then((module) => module.HistoryPanel));
const SettingsDialog = lazyComponent(() => import('./SettingsDialog').then((module) => module.SettingsDialog));

type Open = 'settings' | 'overview' | 'history' | null;

export function ReviewTools({ project }: { project: Project | null }) {
  const settings = useSettings();
  const [open, setOpen] = useState<Open>(null);
  const hasProject = project !== null;
  // The panels a checker opens most are fetched once the open project has painted.
  useEffect(() => {
    if (hasProject) preloadWhenIdle(OverviewPanel, HistoryPanel);
  }, [hasProject]);
  const toggle = (name: Exclude<Open, null>) => setOpen((current) => (current === name ? null : name));
  return (
    <>
      {project && (
        <>
          <button
            type="button"
            className="button button-quiet"
            aria-pressed={open === 'overview'}
            onClick={() => toggle('overview')}
            onPointerEnter={() => void OverviewPanel.preload()}
            onFocus={() => void OverviewPanel.preload()}
          >
            Overview
          </button>
          <button
            type="button"
            className="button button-quiet"
            aria-pressed={open === 'history'}
            onClick={() => toggle('history')}
            onPointerEnter={() => void HistoryPanel.preload()}
            onFocus={() => void HistoryPanel.preload()}
          >
            History
          </button>
        </>
      )}
      <button
        type="button"
        className="button button-quiet user-chip"
        onClick={() => setOpen('settings')}
        onPointerEnter={() => void SettingsDialog.preload()}
        onFocus={() => void SettingsDialog.preload()}
        title={settings ? `${settings.userName || 'No name set'} · ${ROLE_LABELS[settings.role]}` : 'Your name and role'}
      >
        Settings
      </button>
      {settings && (
        <span className="user-identity" aria-label="Signed in as" title={`${settings.userName || 'No name set'} · ${ROLE_LABELS[settings.role]}`}>
          <span className="user-identity-name">{settings.userName || 'No name set'}</span>
          <span className="user-identity-separator"> · </span>
          <span className="user-identity-role">{ROLE_LABELS[settings.role]}</span>
        </span>
      )}
      {open === 'settings' && (
        <LazyDialog label="Settings" onClose={() => setOpen(null)}>
          <SettingsDialog settings={settings} onClose={() => setOpen(null)} />
        </LazyDialog>
      )}
      {open === 'overview' && project && (
        <LazyPanel label="Overview" wide onClose={() => setOpen(null)}>
          <OverviewPanel project={project} onClose={() => setOpen(null)} />
        </LazyPanel>
      )}
      {open === 'history' && project && (
        <LazyPanel label="History" onClose={() => setOpen(null)}>
          <HistoryPanel project={project} onClose={() => setOpen(null)} />
        </LazyPanel>
      )}
    </>
  );
}
