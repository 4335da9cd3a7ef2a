/**
 * A source's offline copies: attach a saved page, PDF or screenshot (stored beside the project by
 * SHA-256), read its extracted text and take the selected passage as this claim's excerpt.
 */
import { useRef, useState } from 'react';
import type { Attachment, ClaimSourceLink, Source } from '../../../shared/model';
import { bytesToBase64 } from '../articles/importArticleFiles';
import { errorMessage } from '../platform/errorMessage';
import { useApi, useSession } from '../app/context';

const size = (bytes: number) => (bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(0)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

export function AttachmentList({ source, link, disabled }: { source: Source; link: ClaimSourceLink; disabled?: boolean }) {
  const session = useSession();
  const api = useApi();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState<{ sha256: string; text: string; problem?: string } | null>(null);
  const textRef = useRef<HTMLPreElement>(null);
  const attachments = source.attachments ?? [];

  const attach = async (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    setBusy(true);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const attachment = await api.storeAttachment({ fileName: file.name, dataBase64: bytesToBase64(bytes) });
      if (attachments.some((a) => a.sha256 === attachment.sha256)) session.notify(`"${file.name}" is already attached to this source.`);
      else session.dispatch({ type: 'attachFile', sourceId: source.id, attachment });
    } catch (error) {
      session.notify(`"${file.name}" could not be attached: ${errorMessage(error)}`);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  const showText = async (attachment: Attachment) => {
    if (open?.sha256 === attachment.sha256) {
      setOpen(null);
      return;
    }
    try {
      const result = await api.attachmentText({ sha256: attachment.sha256, ext: attachment.ext, name: attachment.name });
      setOpen({ sha256: attachment.sha256, text: result.text, problem: result.problem });
    } catch (error) {
      session.notify(`The text of "${attachment.name}" could not be read: ${errorMessage(error)}`);
    }
  };

  const useSelection = () => {
    const selection = window.getSelection();
    const box = textRef.current;
    const text = selection?.toString().trim();
    if (!box || !text || !selection?.anchorNode || !box.contains(selection.anchorNode)) {
      session.notify('Select a passage in the attachment’s text first.');
      return;
    }
    session.dispatch({ type: 'editLink', linkId: link.id, changes: { excerpt: text } });
  };

  return (
    <div className="attachments">
      <div className="attachments-head">
        <span className="field-label">Offline copies</span>
        <button type="button" className="button button-quiet button-small" disabled={busy || disabled} onClick={() => input.current?.click()}>
          {busy ? 'Attaching…' : 'Attach file'}
        </button>
        <input
          ref={input}
          type="file"
          hidden
          aria-label="Attachment file"
          accept=".pdf,.html,.htm,.txt,.md,.docx,.png,.jpg,.jpeg,.webp,.gif"
          onChange={(event) => void attach(event.target.files)}
        />
      </div>
      {attachments.length > 0 && (
        <ul className="attachment-list" aria-label="Attachments">
          {attachments.map((attachment) => (
            <li key={attachment.sha256} className="attachment">
              <span className="attachment-name" title={`SHA-256 ${attachment.sha256}`}>
                {attachment.name}
              </span>
              <span className="attachment-size">{size(attachment.size)}</span>
              {/* Not a <button>: reading the text stays possible when the claim is locked (a disabled fieldset disables buttons). */}
              <span
                role="button"
                tabIndex={0}
                className="button button-quiet button-small"
                aria-expanded={open?.sha256 === attachment.sha256}
                onClick={() => void showText(attachment)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' || event.key === ' ') {
                    event.preventDefault();
                    void showText(attachment);
                  }
                }}
              >
                {open?.sha256 === attachment.sha256 ? 'Hide text' : 'Show text'}
              </span>
              <button
                type="button"
                className="button button-quiet button-small"
                disabled={disabled}
                aria-label={`Remove attachment ${attachment.name}`}
                onClick={() => session.dispatch({ type: 'detachFile', sourceId: source.id, sha256: attachment.sha256 })}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {open && (
        <div className="attachment-text-wrap">
          {open.text ? (
            <>
              <pre ref={textRef} className="attachment-text" aria-label="Attachment text" tabIndex={0}>
                {open.text}
              </pre>
              <button type="button" className="button button-small" disabled={disabled} onMouseDown={(event) => event.preventDefault()} onClick={useSelection}>
                Use selection as excerpt
              </button>
            </>
          ) : (
            <p className="field-hint">{open.problem ?? 'No text could be extracted from this file.'}</p>
          )}
        </div>
      )}
    </div>
  );
}
