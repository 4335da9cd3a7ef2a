/**
 * The local user's name and role (checker / editor), read from and written to the workbench settings.
 * The main side stamps the name on every change; the role decides which review steps are offered.
 */
import { useSyncExternalStore } from 'react';
import type { Settings } from '../../../shared/api';
import { workbench } from '../platform/workbench';
import { session } from '../store/projectSession';

let current: Settings | null = null;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

function publish(next: Settings): void {
  current = next;
  session.setAuthorName(next.userName);
  for (const listener of listeners) listener();
}

function load(): void {
  loading ??= workbench()
    .getSettings({})
    .then(publish)
    .catch(() => undefined);
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = await workbench().updateSettings(patch);
  publish(next);
  return next;
}

export function useSettings(): Settings | null {
  load();
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
