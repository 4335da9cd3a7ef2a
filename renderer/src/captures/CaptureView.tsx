/**
 * A capture read offline from the project's assets folder: what was captured (addresses, status,
 * time, tool, hashes), its readable text (a selected passage becomes this claim's excerpt) and its
 * full-page picture. The picture is drawn on a canvas from the bytes, so the page's policy can stay
 * "img-src 'self'".
 */
import { useEffect, useRef, useState } from 'react';
import { captureTimeLabel } from '../../../shared/captures/captureLabels';
import type { Capture, ClaimSourceLink, Source } from '../../../shared/model';
import { useApi, useSession } from '../app/context';
import { errorMessage } from '../platform/errorMessage';
import { ActionText } from './ActionText';
import { base64ToBytes } from './bytes';

/** Chromium refuses canvases much taller than this; a longer page is drawn scaled down. */
const MAX_CANVAS_SIDE = 16_384;

type Loaded<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; message: string };

export function CaptureView({ source, link, capture }: { source: Source; link: ClaimSourceLink; capture: Capture }) {
  const api = useApi();
  const session = useSession();
  const [text, setText] = useState<Loaded<{ text: string; problem?: string }>>({ state: 'loading' });
  const [actualSize, setActualSize] = useState(false);
  const [picture, setPicture] = useState<Loaded<ImageBitmap> | null>(capture.screenshot ? { state: 'loading' } : null);
  const textRef = useRef<HTMLPreElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    let live = true;
    api
      .captureText({ sourceId: source.id, captureId: capture.id })
      .then((value) => live && setText({ state: 'ready', value }))
      .catch((error: unknown) => live && setText({ state: 'error', message: errorMessage(error) }));
    if (capture.screenshot) {
      api
        .readCapture({ sourceId: source.id, captureId: capture.id, file: 'screenshot' })
        .then((data) => createImageBitmap(new Blob([base64ToBytes(data.dataBase64)], { type: data.mediaType })))
        .then((bitmap) => (live ? setPicture({ state: 'ready', value: bitmap }) : bitmap.close()))
        .catch((error: unknown) => live && setPicture({ state: 'error', message: errorMessage(error) }));
    }
    return () => {
      live = false;
    };
  }, [api, source.id, capture.id, capture.screenshot]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || picture?.state !== 'ready') return;
    const bitmap = picture.value;
    const scale = Math.min(1, MAX_CANVAS_SIDE / Math.max(bitmap.width, bitmap.height));
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  }, [picture]);

  useEffect(() => () => (picture?.state === 'ready' ? picture.value.close() : undefined), [picture]);

  const useSelection = () => {
    const selection = window.getSelection();
    const box = textRef.current;
    const passage = selection?.toString().trim();
    if (!box || !passage || !selection?.anchorNode || !box.contains(selection.anchorNode)) {
      session.notify('Select a passage in the captured text first.');
      return;
    }
    session.dispatch({ type: 'editLink', linkId: link.id, changes: { excerpt: passage } });
  };

  return (
    <div className="capture-view">
      <dl className="capture-details" aria-label="Capture details">
        <dt>Requested</dt>
        <dd className="field-mono">{capture.requestedUrl}</dd>
        {capture.finalUrl !== capture.requestedUrl && (
          <>
            <dt>Final address</dt>
            <dd className="field-mono">{capture.finalUrl}</dd>
          </>
        )}
        <dt>HTTP status</dt>
        <dd>
          {capture.httpStatus}
          {capture.contentType ? ` · ${capture.contentType}` : ''}
        </dd>
        <dt>Captured</dt>
        <dd>
          {captureTimeLabel(capture.capturedAt)} with {capture.tool.name} {capture.tool.version}
        </dd>
        <dt>Web archive</dt>
        <dd className="field-mono capture-hash">
          {capture.warc.records} records · SHA-256 {capture.warc.sha256}
        </dd>
        {capture.wayback && (
          <>
            <dt>Internet Archive</dt>
            <dd className="field-mono">{capture.wayback.url}</dd>
          </>
        )}
      </dl>
      {(capture.warnings?.length ?? 0) > 0 && (
        <ul className="capture-warnings" aria-label="Capture warnings">
          {capture.warnings!.map((warning, i) => (
            <li key={i}>{warning}</li>
          ))}
        </ul>
      )}

      <h4 className="capture-view-title">Text of the captured page</h4>
      {text.state === 'loading' && <p className="field-hint">Reading the captured text…</p>}
      {text.state === 'error' && <p className="field-warning">The captured text could not be read: {text.message}</p>}
      {text.state === 'ready' &&
        (text.value.text ? (
          <>
            <pre ref={textRef} className="capture-text" aria-label="Captured text" tabIndex={0}>
              {text.value.text}
            </pre>
            <button type="button" className="button button-small capture-quote" onMouseDown={(event) => event.preventDefault()} onClick={useSelection}>
              Use selection from capture as excerpt
            </button>
          </>
        ) : (
          <p className="field-hint">{text.value.problem ?? 'The captured page has no readable text.'}</p>
        ))}

      {picture && (
        <>
          <div className="capture-view-row">
            <h4 className="capture-view-title">Picture of the captured page</h4>
            {picture.state === 'ready' && (
              <ActionText expanded={actualSize} onAct={() => setActualSize((actual) => !actual)}>
                {actualSize ? 'Fit the picture' : 'Actual size'}
              </ActionText>
            )}
          </div>
          {picture.state === 'loading' && <p className="field-hint">Loading the picture…</p>}
          {picture.state === 'error' && <p className="field-warning">The picture could not be shown: {picture.message}</p>}
          {picture.state === 'ready' && (
            <div className="capture-picture-frame" role="group" tabIndex={0} aria-label="Captured picture, scrollable">
              <canvas ref={canvasRef} className={`capture-picture${actualSize ? ' capture-picture-actual' : ''}`} role="img" aria-label={`Captured picture of ${capture.finalUrl}`} />
            </div>
          )}
        </>
      )}
    </div>
  );
}
