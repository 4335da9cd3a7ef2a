/**
 * Error messages and toasts, drawn in their own layer above everything (dialogs included) and
 * outside the app root, so an open dialog neither hides nor disables them.
 */
import { useLayoutEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useNotices, useSession, useToasts } from '../app/context';
import { NoticeBanner } from './NoticeBanner';
import { ToastList } from './ToastList';

export function OverlayLayer({ progress }: { progress: readonly string[] }) {
  const session = useSession();
  const notices = useNotices();
  const toasts = useToasts();
  const [host] = useState(() => {
    const element = document.createElement('div');
    element.className = 'overlay-layer';
    return element;
  });
  useLayoutEffect(() => {
    document.body.appendChild(host);
    return () => host.remove();
  }, [host]);

  return createPortal(
    <>
      <NoticeBanner notices={notices} onDismiss={(id) => session.notices.dismiss(id)} />
      <ToastList toasts={toasts} progress={progress} />
    </>,
    host,
  );
}
