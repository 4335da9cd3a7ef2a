/** What each format's reader gives the import pipeline: blocks plus whatever metadata the file itself carries. */
import type { Block } from '../../../shared/model';
import type { PageMetadata } from './html/htmlMetadata';

export interface ReadResult {
  blocks: Block[];
  metadata: PageMetadata;
}

/** A reader's refusal, with the reason shown to the user after "Cannot import "<file>": ". */
export class UnreadableFile extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'UnreadableFile';
  }
}
