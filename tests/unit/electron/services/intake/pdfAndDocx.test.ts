/** PDF (two columns, running header, page numbers, hyphenation) and DOCX (headings, list, quote, table). */
import { describe, expect, it } from 'vitest';
import { importArticleFile } from '../../../../../electron/services/intake/importArticle';
import { makeDocx, makePasswordPdf, makeScannedPdf, makeTwoColumnPdf } from '../../../../fixtures/intake/makeFixtures';

describe('PDF', () => {
  it('reads two columns in order, drops the running header and page numbers, repairs hyphenation, keeps pages', async () => {
    const article = await importArticleFile('report.pdf', await makeTwoColumnPdf());
    expect(article.format).toBe('pdf');
    expect(article.metadata.title).toBe('Council budget report');
    expect(article.blocks[0]).toEqual({ type: 'heading', level: 1, text: 'Council approves transport budget', page: 1 });
    const page1 = article.blocks.filter((b) => b.page === 1).map((b) => b.text);
    expect(page1.slice(1)).toEqual([
      'The city council approved the new budget on Monday after a long debate about public transport funding. Officials said the plan would add forty new buses by the end of next year.',
      'The transport department estimated that ridership grew by twelve per cent since the survey.',
      'Critics noted that the previous budget promised thirty buses and delivered only eleven. The mayor replied that supply problems were to blame and that contracts were signed with two manufacturers.',
    ]);
    expect(article.blocks.filter((b) => b.page === 2)[0].text).toMatch(/^Page two: The city council/);
    expect(article.text).not.toContain('City Report');
    expect(article.blocks.every((b) => b.page === 1 || b.page === 2)).toBe(true);
  });

  it('explains a PDF without a text layer', async () => {
    await expect(importArticleFile('scan.pdf', await makeScannedPdf())).rejects.toThrow(
      'Cannot import "scan.pdf": This PDF has no text layer (it may be a scan); OCR is not supported yet.',
    );
  });

  it('explains password-protected, corrupt and fake PDFs', async () => {
    await expect(importArticleFile('locked.pdf', await makePasswordPdf())).rejects.toThrow(/"locked\.pdf".*password/);
    const good = await makeTwoColumnPdf();
    await expect(importArticleFile('cut.pdf', good.slice(0, 300))).rejects.toThrow(/"cut\.pdf".*damaged or not a valid PDF/);
    await expect(importArticleFile('fake.pdf', new TextEncoder().encode('hello, not a pdf'))).rejects.toThrow(/"fake\.pdf".*not a PDF/);
  });
});

describe('DOCX', () => {
  it('keeps headings, the list, the quote and the table', async () => {
    const article = await importArticleFile('release.docx', await makeDocx());
    expect(article.format).toBe('docx');
    expect(article.metadata.title).toBe('Ministry announces water plan');
    expect(article.blocks).toEqual([
      { type: 'heading', level: 1, text: 'Ministry announces water plan' },
      { type: 'paragraph', text: 'The ministry said the plan will halve leaks within five years.' },
      { type: 'heading', level: 2, text: 'Key measures' },
      { type: 'listItem', text: 'Replace 300 km of old pipes' },
      { type: 'listItem', text: 'Install smart meters in every district' },
      { type: 'quote', text: '“Water is not a luxury,” the minister said.' },
      { type: 'tableCell', text: 'Region' },
      { type: 'tableCell', text: 'Leak rate' },
      { type: 'tableCell', text: 'North' },
      { type: 'tableCell', text: '31%' },
      { type: 'paragraph', text: 'Officials expect the first results next spring.' },
    ]);
  });

  it('explains a .docx that is not a zip, an old .doc and a broken zip', async () => {
    await expect(importArticleFile('notes.docx', new TextEncoder().encode('just text'))).rejects.toThrow(/"notes\.docx": it is not a Word document \(a \.docx file is a zip archive/);
    await expect(importArticleFile('old.docx', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3, 4]))).rejects.toThrow(/old Word \(\.doc\)/);
    await expect(importArticleFile('broken.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]))).rejects.toThrow(/"broken\.docx": it is not a readable Word document/);
  });
});

describe('all formats', () => {
  it('refuses an unsupported extension and a file over the 50 MB limit, naming the limit', async () => {
    await expect(importArticleFile('photo.jpg', new Uint8Array([1, 2, 3]))).rejects.toThrow(/"photo\.jpg": \.jpg files are not supported/);
    const big = new Uint8Array(50 * 1024 * 1024 + 1);
    await expect(importArticleFile('huge.html', big)).rejects.toThrow(/"huge\.html".*50 MB limit/);
    await expect(importArticleFile('huge.pdf', big)).rejects.toThrow(/50 MB limit/);
  });
});
