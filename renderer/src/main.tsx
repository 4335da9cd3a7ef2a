/**
 * Renderer entry: connect to the workbench (preload or HTTP), make this window's project session and
 * start it (the project is asked for at once), load the styles and mount the app with both in context.
 * The Markdown renderer, which the claim panel shows soon after, is fetched once the project (or the
 * welcome screen) is on screen.
 */
import './platform/zodWithoutEval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { WorkbenchProvider } from './app/context';
import { CaptureQueueProvider } from './captures/CaptureQueueContext';
import { LazyMarkdownBody } from './claims/RationalePreview';
import { preloadWhenIdle } from './lazy/lazyComponent';
import { connectWorkbench } from './platform/connectWorkbench';
import { ProjectSession } from './store/projectSession';
import { afterPaint } from './platform/afterPaint';
import './styles/base.css';
import './styles/chrome.css';
import './styles/reader.css';
import './styles/claims.css';
import './styles/dialogs.css';
import './styles/suggestions.css';
import './styles/team.css';

const api = connectWorkbench();
// A change is sent after the frame that shows it (the request is not part of what the user waits for).
const session = new ProjectSession(api, { sendSoon: afterPaint });
// The project is asked for now, while React renders the app for the first time.
void session.start();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <WorkbenchProvider api={api} session={session}>
        <CaptureQueueProvider>
          <App />
        </CaptureQueueProvider>
      </WorkbenchProvider>
    </StrictMode>,
  );
}

// Not while a project opens: parsing the Markdown chunk then would hold up its first paint.
const stopWaiting = session.subscribe(() => {
  if (session.getSnapshot().phase === 'starting') return;
  stopWaiting();
  requestAnimationFrame(() => setTimeout(() => preloadWhenIdle(LazyMarkdownBody), 0));
});
