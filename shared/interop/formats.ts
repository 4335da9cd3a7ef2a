/** The export formats and their file names and media types. */

export const EXPORT_FORMATS = ['html', 'pdf', 'md', 'csv', 'claimreview', 'w3c'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type TextExportFormat = Exclude<ExportFormat, 'pdf'>;

export interface ExportFormatInfo {
  label: string;
  extension: string;
  mediaType: string;
}

export const FORMAT_INFO: Record<ExportFormat, ExportFormatInfo> = {
  html: { label: 'HTML report', extension: '.html', mediaType: 'text/html' },
  pdf: { label: 'PDF report', extension: '.pdf', mediaType: 'application/pdf' },
  md: { label: 'Markdown report', extension: '.md', mediaType: 'text/markdown' },
  csv: { label: 'CSV spreadsheet', extension: '.csv', mediaType: 'text/csv' },
  claimreview: { label: 'ClaimReview JSON-LD', extension: '.claimreview.json', mediaType: 'application/ld+json' },
  w3c: { label: 'W3C Web Annotations', extension: '.annotations.jsonld', mediaType: 'application/ld+json' },
};

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** "Claims about the strikes!" → "claims-about-the-strikes" (at most 60 characters; "" when nothing is left). */
export function titleSlug(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** A file name for an export of a project: "<title slug><format extension>". */
export function defaultExportName(title: string, format: ExportFormat): string {
  return `${titleSlug(title) || 'report'}${FORMAT_INFO[format].extension}`;
}
