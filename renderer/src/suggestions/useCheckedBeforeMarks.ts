/**
 * Marks for the suggestion list: for each suggested sentence, the earlier fact-check of the same claim
 * in the archive, if any: a published one or another project's, not one of the open project's own claims
 * (a sentence that one of them checks is not "checked before"). Asked a moment after the list settles, one
 * sentence at a time, each once.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CheckedBeforeMatch } from '../../../shared/api';
import { useApi } from '../app/context';
import { CheckedBeforeMarks } from './checkedBeforeMarks';

/** Pause after the suggestion list last changed before the archive is asked. */
export const SUGGESTION_LOOKUP_DELAY_MS = 400;
/** A same-claim match may rank below a related one; a few are enough to find it. */
const LIMIT = 3;

export type CheckedBeforeOf = (text: string) => CheckedBeforeMatch | null | undefined;

export function useCheckedBeforeMarks(texts: readonly string[], enabled: boolean): CheckedBeforeOf {
  const api = useApi();
  const [version, setVersion] = useState(0);
  const marks = useMemo(
    () =>
      enabled
        ? new CheckedBeforeMarks(
            (text) => api.checkedBefore({ text: text.slice(0, 5000), otherProjectsOnly: true, limit: LIMIT }).then((result) => result.matches),
            () => setVersion((v) => v + 1),
          )
        : null,
    [api, enabled],
  );
  useEffect(() => () => marks?.dispose(), [marks]);

  const key = texts.join('\u0000');
  useEffect(() => {
    if (!marks) return;
    const wanted = key === '' ? [] : key.split('\u0000');
    const timer = setTimeout(() => marks.want(wanted), SUGGESTION_LOOKUP_DELAY_MS);
    return () => clearTimeout(timer);
  }, [marks, key]);

  // `version` changes when a mark arrives, so the list re-renders with it.
  return useCallback<CheckedBeforeOf>((text) => (version >= 0 ? marks?.matchOf(text) : undefined), [marks, version]);
}
