/** Where the unit tests find the repository and the shared test material (beside the repository, read-only). */
import path from 'node:path';

export const REPO = path.resolve(import.meta.dirname, '..', '..');
export const SHARED_FIXTURES = path.resolve(REPO, '..', 'shared', 'fixtures');
