/**
 * The local user's name and role (checker / editor), read from and written to the workbench
 * settings: the one place the renderer keeps them. The name goes on every change; the role decides
 * which review steps are offered.
 */
import type { Settings, WorkbenchApi } from '../../../shared/api';
import type { Role } from '../../../shared/workflow/roles';
import { createStore } from './createStore';

export class SettingsStore {
  private readonly store = createStore<Settings | null>(null);
  readonly subscribe = this.store.subscribe;
  readonly getSnapshot = this.store.getSnapshot;
  private loading: Promise<void> | null = null;

  constructor(private readonly api: WorkbenchApi) {}

  /** Reads the settings once; later calls share that read. Without settings the name is empty and the role Checker. */
  load(): Promise<void> {
    this.loading ??= this.api.getSettings({}).then(
      (settings) => {
        // A save that finished first has the newer values.
        if (this.store.getSnapshot() === null) this.store.set(settings);
      },
      () => undefined,
    );
    return this.loading;
  }

  /** Theme and text size take effect at once (several Ctrl+= in a row build on each other), then are saved. */
  async saveAppearance(patch: Partial<Pick<Settings, 'theme' | 'textSize'>>): Promise<Settings> {
    const current = this.store.getSnapshot();
    if (current) this.store.set({ ...current, ...patch });
    return this.save(patch);
  }

  async save(patch: Partial<Settings>): Promise<Settings> {
    const next = await this.api.updateSettings(patch);
    this.store.set(next);
    return next;
  }

  /** The name the user gave in Settings ('' until they do). */
  userName(): string {
    return this.store.getSnapshot()?.userName ?? '';
  }

  /** The role that decides which review steps are offered and allowed (Checker until the settings say otherwise). */
  role(): Role {
    return this.store.getSnapshot()?.role ?? 'checker';
  }
}
