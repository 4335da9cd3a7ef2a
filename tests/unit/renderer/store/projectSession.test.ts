/**
 * The ProjectSession against a fake main side: starting up, opening, saving as and closing a
 * project, what stays selected across reloads, and the user's name on new changes.
 */
import { describe, expect, it } from 'vitest';
import type { Project } from '../../../../shared/operations';
import { ProjectSession } from '../../../../renderer/src/store/projectSession';
import { sampleProject } from '../../shared/helpers';
import { FakeWorkbench, settle } from './fakeWorkbench';

const PATH = '/projects/checked.factcheck.json';
const OTHER = '/projects/other.factcheck.json';

function otherProject(): Project {
  const base = sampleProject();
  return { ...base, id: 'p2', title: 'Other', articles: [base.articles[1]!], claims: [base.claims[1]!], links: [], history: [] };
}

async function started(main = new FakeWorkbench(sampleProject(), PATH)) {
  const session = new ProjectSession(main.api);
  await session.start();
  return { main, session };
}

const messages = (session: ProjectSession) => session.notices.getSnapshot().map((notice) => notice.message);

describe('ProjectSession: starting', () => {
  it('starts with the project the main side has open, its first article selected, and the user’s settings', async () => {
    const main = new FakeWorkbench(sampleProject(), PATH);
    const session = new ProjectSession(main.api);
    expect(session.getSnapshot().phase).toBe('starting');
    await session.start();
    await session.start();

    const state = session.getSnapshot();
    expect(state).toMatchObject({ phase: 'open', path: PATH, articleId: 'a1', claimId: null, busy: null });
    expect(state.project?.title).toBe('Sample');
    expect(state.appInfo?.projectsDir).toBe('/projects');
    expect(session.settings.getSnapshot()?.userName).toBe('Ana Checker');
    expect(main.calls.filter((call) => call === 'getSettings' || call === 'getOpenProject')).toEqual(['getSettings', 'getOpenProject']);
  });

  it('shows the welcome screen when nothing is open, and says why when the workbench cannot start', async () => {
    const { session } = await started(new FakeWorkbench());
    expect(session.getSnapshot()).toMatchObject({ phase: 'none', project: null, path: null });

    const broken = new FakeWorkbench();
    broken.unreachable = 'The workbench host cannot be reached.';
    const failing = new ProjectSession(broken.api);
    await failing.start();
    expect(failing.getSnapshot().phase).toBe('none');
    expect(messages(failing)).toEqual(['The workbench could not start: The workbench host cannot be reached.']);
  });

  it('stamps the name from Settings on local changes and new claims, and a new name from then on', async () => {
    const { main, session } = await started();
    main.holdReplies = true;
    expect(session.authorName()).toBe('Ana Checker');
    session.dispatch({ type: 'renameProject', title: 'Renamed' });
    expect(session.getSnapshot().project?.history.at(-1)?.author).toBe('Ana Checker');
    await session.settings.save({ userName: 'Ana Editor' });
    session.dispatch({ type: 'renameProject', title: 'Renamed again' });
    expect(session.getSnapshot().project?.history.at(-1)?.author).toBe('Ana Editor');
    expect(session.authorName()).toBe('Ana Editor');
  });
});

describe('ProjectSession: selection', () => {
  it('selecting a claim shows its article; selecting an article clears the claim', async () => {
    const { session } = await started();
    session.selectClaim('c2');
    expect(session.getSnapshot()).toMatchObject({ articleId: 'a2', claimId: 'c2' });
    session.selectArticle('a1');
    expect(session.getSnapshot()).toMatchObject({ articleId: 'a1', claimId: null });
    session.selectClaim('c3');
    session.selectClaim(null);
    expect(session.getSnapshot()).toMatchObject({ articleId: 'a1', claimId: null });
    session.selectClaim('no-such-claim');
    expect(session.getSnapshot().claimId).toBeNull();
  });

  it('keeps one snapshot while nothing changes, and tells subscribers of selection and project changes', async () => {
    const { session } = await started();
    let heard = 0;
    session.subscribe(() => heard++);
    const before = session.getSnapshot();
    expect(session.getSnapshot()).toBe(before);
    session.selectClaim('c1');
    expect(heard).toBeGreaterThan(0);
    const selected = session.getSnapshot();
    expect(selected).not.toBe(before);
    heard = 0;
    session.dispatch({ type: 'renameProject', title: 'Renamed' });
    expect(heard).toBeGreaterThan(0);
    expect(session.getSnapshot().project?.title).toBe('Renamed');
    expect(session.getSnapshot().claimId).toBe('c1');
  });
});

describe('ProjectSession: open, save as, close', () => {
  it('opening another project waits until the changes made so far reached the main side', async () => {
    const { main, session } = await started();
    main.files.set(OTHER, otherProject());
    main.holdReplies = true;
    session.dispatch({ type: 'renameProject', title: 'Renamed before leaving' });
    const opening = session.openProject(OTHER);
    await settle();
    expect(session.getSnapshot().busy).toBeNull();
    expect(main.calls).not.toContain('openProject');

    main.deliver();
    expect(await opening).toBe(true);
    expect(main.calls.indexOf('applyChanges')).toBeLessThan(main.calls.indexOf('openProject'));
    expect(session.getSnapshot()).toMatchObject({ phase: 'open', path: OTHER, articleId: 'a2', claimId: null, busy: null });
    expect(session.getSnapshot().project?.title).toBe('Other');
  });

  it('says “Opening project…” while it opens, and names the file when it cannot be opened', async () => {
    const { main, session } = await started();
    const busy: Array<string | null> = [];
    session.subscribe(() => busy.push(session.getSnapshot().busy));
    expect(await session.openProject('/projects/missing.factcheck.json')).toBe(false);
    expect(busy).toContain('Opening project…');
    expect(session.getSnapshot()).toMatchObject({ phase: 'open', path: PATH, busy: null });
    expect(messages(session)).toEqual(['Could not open /projects/missing.factcheck.json: no such file']);
    expect(main.calls).toContain('openProject');
  });

  it('reopening the same project keeps the selection where it still exists; another project starts at its first article', async () => {
    const { main, session } = await started();
    main.files.set(OTHER, otherProject());
    session.selectClaim('c3');
    await session.openProject(PATH);
    expect(session.getSnapshot()).toMatchObject({ articleId: 'a1', claimId: 'c3' });
    // The other project happens to hold an article and a claim with the same ids: still a fresh start.
    session.selectClaim('c2');
    await session.openProject(OTHER);
    expect(session.getSnapshot()).toMatchObject({ articleId: 'a2', claimId: null });
  });

  it('Save as continues in the new file with the same selection', async () => {
    const { session } = await started();
    session.selectClaim('c2');
    expect(await session.saveProjectAs('/projects/copy.factcheck.json')).toBe(true);
    expect(session.getSnapshot()).toMatchObject({ phase: 'open', path: '/projects/copy.factcheck.json', articleId: 'a2', claimId: 'c2' });
  });

  it('closing sends what is pending first, then shows no project', async () => {
    const { main, session } = await started();
    main.holdReplies = true;
    session.dispatch({ type: 'setMethodology', text: 'Two sources for every number.' });
    const closing = session.closeProject();
    await settle();
    expect(main.calls).not.toContain('closeProject');
    main.deliver();
    await closing;
    expect(main.calls.indexOf('applyChanges')).toBeLessThan(main.calls.indexOf('closeProject'));
    expect(session.getSnapshot()).toMatchObject({ phase: 'none', project: null, path: null, articleId: null, claimId: null, save: { kind: 'saved', text: 'Saved' } });
  });

  it('a reload after a refused change keeps the selection; when the main side has no project any more, none is shown', async () => {
    const { main, session } = await started();
    session.selectClaim('c1');
    main.refuse = () => 'Only an editor can approve.';
    session.dispatch({ type: 'renameProject', title: 'Refused' });
    await session.flush();
    expect(session.getSnapshot()).toMatchObject({ phase: 'open', path: PATH, articleId: 'a1', claimId: 'c1' });
    expect(session.getSnapshot().project?.title).toBe('Sample');
    expect(messages(session)).toEqual(['Your latest change could not be saved (Only an editor can approve.). The project was reloaded as last saved.']);

    await main.api.closeProject({});
    session.dispatch({ type: 'renameProject', title: 'Refused again' });
    await session.flush();
    expect(session.getSnapshot()).toMatchObject({ phase: 'none', project: null, path: null, claimId: null });
  });
});

describe('ProjectSession: the review rules and the author', () => {
  it('refuses a step the rules refuse before showing it, says why, and clears the refusal once a change succeeds', async () => {
    const { main, session } = await started();
    main.holdReplies = true;
    // A checker (the fake's settings) may not approve; nothing is shown or sent.
    expect(session.dispatch({ type: 'changeState', claimId: 'c1', state: 'approved', action: 'approve' })).toBe(false);
    expect(session.getSnapshot().project?.claims.find((c) => c.id === 'c1')?.state).not.toBe('approved');
    expect(messages(session)).toEqual(['This change could not be made: Only an editor may approve a claim. Switch your role in Settings.']);
    expect(session.dispatch({ type: 'renameProject', title: 'Renamed' })).toBe(true);
    expect(messages(session)).toEqual([]);
  });

  it('with no name set, makes no change and asks for the name again', async () => {
    const main = new FakeWorkbench(sampleProject(), PATH);
    main.settings = { userName: '', role: 'checker', theme: 'system', textSize: 100 };
    const { session } = await started(main);
    const asked = session.identityRequests.getSnapshot();
    expect(session.dispatch({ type: 'renameProject', title: 'Nameless' })).toBe(false);
    expect(session.getSnapshot().project?.title).toBe('Sample');
    expect(session.identityRequests.getSnapshot()).toBe(asked + 1);
    await session.settings.save({ userName: 'Bo Lindqvist' });
    expect(session.dispatch({ type: 'renameProject', title: 'Named' })).toBe(true);
    expect(session.getSnapshot().project?.history.at(-1)?.author).toBe('Bo Lindqvist');
  });
});
