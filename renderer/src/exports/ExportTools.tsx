/**
 * File ▸ Export in the window: an "Export" button opening a menu of formats; each opens the Export
 * dialog (ExportDialog, a chunk of its own, fetched when the menu opens).
 */
import { useEffect, useRef, useState } from 'react';
import { EXPORT_FORMATS, FORMAT_INFO, type ExportFormat } from '../../../shared/interop/formats';
import type { Project } from '../../../shared/operations';
import { useLayer } from '../dialogs/layers';
import { lazyComponent } from '../lazy/lazyComponent';
import { LazyDialog } from '../lazy/LazyPanel';
import { shortcut } from '../platform/shortcutLabel';
import './exports.css';

const ExportDialog = lazyComponent(() => import('./ExportDialog').then((module) => module.ExportDialog));

export function ExportTools({ project }: { project: Project }) {
  const [menuOpen, setMenuOpen] = useState(false);
  const [format, setFormat] = useState<ExportFormat | null>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  // Ctrl/Cmd+Shift+E (also File ▸ Export… in the desktop app's menu) opens the Export menu.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && event.key.toLowerCase() === 'e') {
        event.preventDefault();
        setMenuOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Escape closes the menu (and only the menu) and gives focus back to the button.
  useLayer(() => {
    setMenuOpen(false);
    buttonRef.current?.focus();
  }, menuOpen);

  useEffect(() => {
    if (!menuOpen) return;
    void ExportDialog.preload();
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onDown = (event: MouseEvent) => {
      if (!menuRef.current?.contains(event.target as Node) && event.target !== buttonRef.current) setMenuOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [menuOpen]);

  const onMenuKey = (event: React.KeyboardEvent) => {
    const items = Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = (at + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
      items[next]?.focus();
    }
  };

  return (
    <span className="export-tools">
      <button
        ref={buttonRef}
        type="button"
        className="button button-quiet"
        aria-haspopup="menu"
        aria-expanded={menuOpen}
        onClick={() => setMenuOpen((open) => !open)}
        title={`Export a report or data: HTML, PDF, Markdown, CSV, ClaimReview, W3C annotations (${shortcut('Ctrl+Shift+E')})`}
      >
        Export
      </button>
      {menuOpen && (
        <div ref={menuRef} role="menu" aria-label="Export" className="export-menu" onKeyDown={onMenuKey}>
          {EXPORT_FORMATS.map((f) => (
            <button
              key={f}
              type="button"
              role="menuitem"
              className="export-menu-item"
              onClick={() => {
                setMenuOpen(false);
                setFormat(f);
              }}
            >
              {FORMAT_INFO[f].label}…
            </button>
          ))}
        </div>
      )}
      {format && (
        <LazyDialog label="Export" wide onClose={() => setFormat(null)} returnFocus={() => buttonRef.current}>
          <ExportDialog project={project} initialFormat={format} onClose={() => setFormat(null)} returnFocus={() => buttonRef.current} />
        </LazyDialog>
      )}
    </span>
  );
}
