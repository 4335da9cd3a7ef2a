/** Top-bar buttons of the review workflow: Overview, History and Settings (each opens its own panel). */
import { useState } from 'react';
import { ROLE_LABELS } from '../../../shared/labels';
import type { Project } from '../../../shared/operations';
import { HistoryPanel } from '../history/HistoryPanel';
import { OverviewPanel } from '../overview/OverviewPanel';
import { SettingsDialog } from './SettingsDialog';
import { useSettings } from '../app/context';
import './review.css';

type Open = 'settings' | 'overview' | 'history' | null;

export function ReviewTools({ project }: { project: Project | null }) {
  const settings = useSettings();
  const [open, setOpen] = useState<Open>(null);
  const toggle = (name: Exclude<Open, null>) => setOpen((current) => (current === name ? null : name));
  return (
    <>
      {project && (
        <>
          <button type="button" className="button button-quiet" aria-pressed={open === 'overview'} onClick={() => toggle('overview')}>
            Overview
          </button>
          <button type="button" className="button button-quiet" aria-pressed={open === 'history'} onClick={() => toggle('history')}>
            History
          </button>
        </>
      )}
      <button
        type="button"
        className="button button-quiet user-chip"
        onClick={() => setOpen('settings')}
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
      {open === 'settings' && <SettingsDialog settings={settings} onClose={() => setOpen(null)} />}
      {open === 'overview' && project && <OverviewPanel project={project} onClose={() => setOpen(null)} />}
      {open === 'history' && project && <HistoryPanel project={project} onClose={() => setOpen(null)} />}
    </>
  );
}
