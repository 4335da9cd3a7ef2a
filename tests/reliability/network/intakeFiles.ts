/** The files the network test reads through intake: one of each article format, and both annotation formats. */
import path from 'node:path';
import { REPO, SHARED_FIXTURES } from '../../unit/testPaths';


export const INTAKE_FILES = [
  path.join(REPO, 'tests', 'fixtures', 'intake', 'hostile-page.html'),
  path.join(REPO, 'tests', 'fixtures', 'intake', 'two-column-report.pdf'),
  path.join(REPO, 'tests', 'fixtures', 'intake', 'press-release.docx'),
  path.join(REPO, 'resources', 'sample', 'article.md'),
];

export const ANNOTATION_FILES = [
  path.join(SHARED_FIXTURES, 'annotations', 'hypothesis', 'minimal.json'),
  path.join(SHARED_FIXTURES, 'annotations', 'recogito', 'annotations.w3c.json'),
];
