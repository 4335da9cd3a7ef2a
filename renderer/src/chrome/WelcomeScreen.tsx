/** No project open: start a new one, open one, or pick a recent project. */
import { useEffect, useState } from 'react';
import type { RecentProject } from '../../../shared/api';
import { shortcut } from '../platform/shortcutLabel';
import { useApi } from '../app/context';
import { ReviewTools } from '../review/ReviewTools';

interface WelcomeScreenProps {
  version: string | null;
  busy: string | null;
  onNew: () => void;
  onOpen: () => void;
  onOpenPath: (path: string) => void;
}

export function WelcomeScreen({ version, busy, onNew, onOpen, onOpenPath }: WelcomeScreenProps) {
  const api = useApi();
  const [recent, setRecent] = useState<RecentProject[] | null>(null);

  useEffect(() => {
    api.listRecent({}).then(setRecent, () => setRecent([]));
  }, [api]);

  return (
    <main className="welcome">
      <div className="welcome-card">
        <div className="welcome-brand">
          <span className="brand-mark brand-mark-large" aria-hidden="true">
            ✓
          </span>
          <div>
            <h1 className="welcome-title">Fact-check Workbench</h1>
            <p className="welcome-tagline">Mark claims in articles, research them with sources, and record a verdict.</p>
          </div>
        </div>
        <div className="welcome-actions">
          <button type="button" className="button button-primary button-large" onClick={onNew} title={`New project (${shortcut('Ctrl+N')})`}>
            New project
          </button>
          <button type="button" className="button button-large" onClick={onOpen} title={`Open project (${shortcut('Ctrl+O')})`}>
            Open project
          </button>
        </div>
        <div className="welcome-settings">
          <ReviewTools project={null} />
        </div>
        {busy && <p className="welcome-busy">{busy}</p>}
        <section className="welcome-recent" aria-label="Recent projects">
          <h2 className="welcome-section-title">Recent projects</h2>
          {recent === null ? (
            <p className="dialog-muted">Loading…</p>
          ) : recent.length === 0 ? (
            <p className="dialog-muted">Projects you open will be listed here.</p>
          ) : (
            <ul className="project-choices">
              {recent.map((item) => (
                <li key={item.path}>
                  <button type="button" className="project-choice" onClick={() => onOpenPath(item.path)}>
                    <span className="project-choice-title">{item.title || 'Untitled project'}</span>
                    <span className="project-choice-path">{item.path}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
        {version && <p className="welcome-version">Version {version}</p>}
      </div>
    </main>
  );
}
