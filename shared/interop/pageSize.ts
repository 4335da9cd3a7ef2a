/**
 * The paper a printed report is laid out for: A4, or US Letter where Letter is the norm (the
 * countries CLDR lists with US-letter paper). A locale without a region counts as its likely one
 * (Intl.Locale.maximize: "en" is en-US, "fr" is fr-FR).
 */
import { z } from 'zod';

export const PageSizeSchema = z.enum(['a4', 'letter']);
export type PageSize = z.infer<typeof PageSizeSchema>;

export const PAGE_SIZE_LABELS: Record<PageSize, string> = { a4: 'A4', letter: 'Letter' };

/** CLDR supplemental paperSize: territories that use US Letter. */
const LETTER_REGIONS = new Set(['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'CR', 'GT', 'NI', 'PA', 'PR', 'SV', 'BZ']);

/** The region of a locale such as "en-US", "en_US.UTF-8" or "fr"; undefined when none can be told. */
export function localeRegion(locale: string | undefined): string | undefined {
  const tag = locale?.trim().split(/[.@]/)[0]?.replace(/_/g, '-');
  if (!tag || tag === 'C' || tag === 'POSIX') return undefined;
  try {
    return new Intl.Locale(tag).maximize().region;
  } catch {
    return undefined;
  }
}

/** Letter for a locale of a Letter country, A4 otherwise (and when the locale says nothing). */
export function pageSizeForLocale(locale: string | undefined): PageSize {
  const region = localeRegion(locale);
  return region && LETTER_REGIONS.has(region) ? 'letter' : 'a4';
}

/** The CSS @page rule of a report printed on this paper. */
export function pageCss(size: PageSize): string {
  return size === 'letter' ? '@page{size:letter;margin:0.6in 0.65in}' : '@page{size:A4;margin:15mm 16mm}';
}
