/**
 * Zod probes `new Function` to compile faster parsers; the window's policy forbids eval, so every
 * probe was a CSP violation report. Imported first by the entry, before any schema parses.
 */
import { z } from 'zod';

z.config({ jitless: true });
