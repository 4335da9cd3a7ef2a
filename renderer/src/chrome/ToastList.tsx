/** Toasts at the bottom left: progress lines, and messages with one action (e.g. "Claim deleted — Undo"). */
import { useSession } from '../app/context';
import type { Toast } from '../store/toasts';

export function ToastList({ toasts, progress }: { toasts: readonly Toast[]; progress: readonly string[] }) {
  const session = useSession();
  return (
    <div className="toasts" role="status" aria-live="polite">
      {progress.map((line, index) => (
        <p key={`progress-${index}`} className="toast">
          {line}
        </p>
      ))}
      {toasts.map((toast) => (
        <div
          key={toast.id}
          className="toast toast-with-action"
          onMouseEnter={() => session.toasts.pause(toast.id)}
          onMouseLeave={() => session.toasts.resume(toast.id)}
          onFocus={() => session.toasts.pause(toast.id)}
          onBlur={() => session.toasts.resume(toast.id)}
        >
          <span className="toast-text">{toast.message}</span>
          {toast.action && (
            <button
              type="button"
              className="toast-action"
              onClick={() => {
                session.toasts.dismiss(toast.id);
                toast.action!.run();
              }}
            >
              {toast.action.label}
            </button>
          )}
          <button type="button" className="toast-close" aria-label="Hide this message" title="Hide" onClick={() => session.toasts.dismiss(toast.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
