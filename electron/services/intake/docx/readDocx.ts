/**
 * Word (.docx) → blocks: mammoth turns the document into HTML (headings, lists, tables, quotes by
 * style name; images reduced to their alt text, never embedded; no external file access), then the
 * same sanitize → blocks path as web pages. The title is the document's first heading.
 */
import mammoth from 'mammoth';
import { readHtmlFragment } from '../html/readHtml';
import { UnreadableFile, type ReadResult } from '../readResult';

const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p.Quote => blockquote > p:fresh",
  "p.IntenseQuote => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Block Text'] => blockquote > p:fresh",
  "p[style-name='Caption'] => figcaption:fresh",
];

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) && (bytes[3] === 0x04 || bytes[3] === 0x06);
}

export async function readDocx(bytes: Uint8Array): Promise<ReadResult> {
  if (!isZip(bytes)) {
    const oldWord = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
    throw new UnreadableFile(
      oldWord
        ? 'it is an old Word (.doc) document, not a .docx. Save it as .docx in Word or LibreOffice and add it again.'
        : 'it is not a Word document (a .docx file is a zip archive; this one is not).',
    );
  }
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
    html = result.value;
  } catch (error) {
    throw new UnreadableFile(`it is not a readable Word document (${(error as Error).message.split('\n')[0]}).`);
  }
  const read = readHtmlFragment(html);
  const heading = read.blocks.find((block) => block.type === 'heading');
  if (heading) read.metadata.title = heading.text;
  return read;
}
