/** Who works on a claim: a checker researches and proposes verdicts; an editor may also approve and request changes. */
import { z } from 'zod';

export const RoleSchema = z.enum(['checker', 'editor']);
export type Role = z.infer<typeof RoleSchema>;
