/** The change feed answers polls with news the window did not make, and only with that. */
import { describe, expect, it } from 'vitest';
import { ChangeFeed } from '../../../../../electron/services/sync/changeFeed';

describe('ChangeFeed', () => {
  it('a poll waits through the window own changes and answers at the first foreign one', async () => {
    const feed = new ChangeFeed();
    let answered: boolean | null = null;
    const poll = feed.wait(feed.seq, 60_000).then((news) => (answered = news));
    feed.noteOwn();
    await Promise.resolve();
    expect(answered).toBeNull();
    feed.noteForeign();
    await poll;
    expect(answered).toBe(true);
    expect(feed.seq).toBe(2);
  });

  it('answers at once when news came after sinceSeq, or when sinceSeq is from another run; else times out with false', async () => {
    const feed = new ChangeFeed();
    feed.noteForeign();
    feed.noteOwn();
    expect(await feed.wait(0, 60_000)).toBe(true);
    expect(await feed.wait(feed.seq, 0)).toBe(false);
    expect(await feed.wait(feed.seq + 10, 60_000)).toBe(true);
  });

  it('a new sync status is news, but not a change of the project; a merge (or another project) is both', async () => {
    const feed = new ChangeFeed();
    feed.noteForeign();
    const opened = feed.seq;
    const poll = feed.wait(opened, 60_000);
    feed.noteStatus();
    expect(await poll).toBe(true);
    expect(feed.projectChangedSince(opened)).toBe(false);
    expect(feed.projectChangedSince(0)).toBe(true);
    const status = feed.seq;
    feed.noteOwn();
    feed.noteForeign();
    expect(feed.projectChangedSince(status)).toBe(true);
    expect(feed.projectChangedSince(feed.seq)).toBe(false);
    // A counter from another run (the host restarted): the window must take the project again.
    expect(feed.projectChangedSince(feed.seq + 5)).toBe(true);
  });
});
