/** Error notices (role alert), each dismissable. */
import type { Notice } from '../store/notices';

export function NoticeBanner({ notices, onDismiss }: { notices: readonly Notice[]; onDismiss: (id: string) => void }) {
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((notice) => (
        <div key={notice.id} role="alert" className="notice">
          <p className="notice-text">{notice.message}</p>
          <button type="button" className="button button-quiet button-small" aria-label="Dismiss message" onClick={() => onDismiss(notice.id)}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
