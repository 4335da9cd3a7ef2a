/** The claims changed on another copy since the user last looked, with who changed them (from the session). */
import { useSyncExternalStore } from 'react';
import type { EditedElsewhere } from '../../../shared/sync/editedElsewhere';
import { useSession } from '../app/context';

export function useEditedElsewhere(): ReadonlyMap<string, EditedElsewhere> {
  const session = useSession();
  return useSyncExternalStore(session.editedElsewhere.subscribe, session.editedElsewhere.getSnapshot);
}
