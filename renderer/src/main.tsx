/** Renderer entry: make sure window.workbench exists (preload or HTTP), load the styles, mount the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { installHttpWorkbenchIfNeeded } from './platform/httpClient';
import './styles/base.css';
import './styles/chrome.css';
import './styles/reader.css';
import './styles/claims.css';
import './styles/dialogs.css';

installHttpWorkbenchIfNeeded();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
