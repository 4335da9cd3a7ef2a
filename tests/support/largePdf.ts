/**
 * A generated many-page text PDF (pdf-lib), for intake tests and benches that need a slow import.
 * With `imageBytesPerPage`, each page also carries a picture of that many bytes (uncompressed RGB
 * noise, as a scanned page's image weighs), so the file reaches the size of a real report or ruling
 * (400 pages × 100 kB ≈ 40 MB) while its text stays the same.
 */
import { concatTransformationMatrix, drawObject, PDFDocument, popGraphicsState, pushGraphicsState, StandardFonts } from 'pdf-lib';

export async function generateLargePdf(pages: number, { imageBytesPerPage = 0 } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const side = Math.floor(Math.sqrt(imageBytesPerPage / 3));
  let seed = 20261129;
  for (let p = 0; p < pages; p++) {
    const page = doc.addPage([595, 842]);
    for (let line = 0; line < 50; line++) {
      page.drawText(`Page ${p + 1}, line ${line + 1}: the budget allocates ${(p * 50 + line) * 13} million to coastal defence.`, { x: 40, y: 800 - line * 15, size: 10, font });
    }
    if (side > 0) {
      const pixels = new Uint8Array(side * side * 3);
      for (let i = 0; i < pixels.length; i++) {
        seed = (seed * 1103515245 + 12345) >>> 0;
        pixels[i] = seed >>> 24;
      }
      const image = doc.context.register(doc.context.stream(pixels, { Type: 'XObject', Subtype: 'Image', Width: side, Height: side, ColorSpace: 'DeviceRGB', BitsPerComponent: 8 }));
      const name = page.node.newXObject('Scan', image);
      page.pushOperators(pushGraphicsState(), concatTransformationMatrix(120, 0, 0, 120, 440, 20), drawObject(name), popGraphicsState());
    }
  }
  return doc.save();
}
