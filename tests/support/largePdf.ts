/** A generated many-page text PDF (pdf-lib), for intake tests and benches that need a slow import. */
import { PDFDocument, StandardFonts } from 'pdf-lib';

export async function generateLargePdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < pages; p++) {
    const page = doc.addPage([595, 842]);
    for (let line = 0; line < 50; line++) {
      page.drawText(`Page ${p + 1}, line ${line + 1}: the budget allocates ${(p * 50 + line) * 13} million to coastal defence.`, { x: 40, y: 800 - line * 15, size: 10, font });
    }
  }
  return doc.save();
}
