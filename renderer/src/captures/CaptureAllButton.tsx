/** "Capture all sources": queues a capture of every source with a web address (of a claim, or of the project). */
import { useState } from 'react';
import { isActiveJob } from '../../../shared/captures/capturePlan';
import type { Source } from '../../../shared/model';
import { checkExternalUrl } from '../../../shared/urlCheck';
import { useCaptureJobs, useCaptureQueue } from './CaptureQueueContext';

export function CaptureAllButton({ sources, scope }: { sources: readonly Source[]; scope: 'claim' | 'project' }) {
  const queue = useCaptureQueue();
  const jobs = useCaptureJobs();
  const [sending, setSending] = useState(false);
  const busy = new Set(jobs.filter(isActiveJob).map((job) => job.sourceId));
  const ready = sources.filter((source) => !busy.has(source.id) && checkExternalUrl(source.url).ok).length;
  return (
    <button
      type="button"
      className="button button-small"
      disabled={sending || ready === 0}
      title={
        ready === 0
          ? `No source of this ${scope} has a web address that is not already being captured`
          : `Capture ${ready === 1 ? 'the one source' : `${ready} sources`} of this ${scope} with a web address`
      }
      onClick={() => {
        setSending(true);
        void queue.captureAll(sources).finally(() => setSending(false));
      }}
    >
      Capture all sources
    </button>
  );
}
