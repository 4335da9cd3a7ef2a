/** The application shell: welcome screen or workspace, top bar, notices, dialogs, drop overlay and shortcuts. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { importArticleFiles } from '../articles/importArticleFiles';
import { useRunningImports } from '../articles/importProgress';
import { useFileDrop } from '../articles/useFileDrop';
import { DropOverlay } from '../chrome/DropOverlay';
import { OverlayLayer } from '../chrome/OverlayLayer';
import { TopBar } from '../chrome/TopBar';
import { WelcomeScreen } from '../chrome/WelcomeScreen';
import { markClaim } from '../claims/markClaim';
import { NewProjectDialog } from '../dialogs/NewProjectDialog';
import { OpenProjectDialog } from '../dialogs/OpenProjectDialog';
import { SaveAsDialog } from '../dialogs/SaveAsDialog';
import { IdentityPrompt } from '../review/IdentityPrompt';
import { TeamStrip } from '../team/TeamStrip';
import { useGlobalShortcuts } from '../shortcuts/useGlobalShortcuts';
import { articleClaims, currentArticle } from '../store/selectors';
import { useSession, useSessionState, useSettings } from './context';
import { useAppearance } from './appearance';
import { stepTextSize, NORMAL_TEXT_SIZE } from '../../../shared/appearance';
import { errorMessage } from '../platform/errorMessage';
import { toggleCaretMode } from '../reader/caretMode';
import { PasteDetailsDialog } from '../articles/PasteDetailsDialog';
import { clearPendingPaste, usePendingPaste } from '../articles/pendingPaste';
import { mergeCopyFlow, mergeResultLine, openProjectFlow, saveAsDefaultPath, saveAsFlow } from './projectActions';
import { MergeCopyDialog } from '../team/MergeCopyDialog';
import { Workspace } from './Workspace';
import { lazyComponent } from '../lazy/lazyComponent';
import { LazyDialog } from '../lazy/LazyPanel';

const ShortcutsDialog = lazyComponent(() => import('../shortcuts/ShortcutsDialog').then((module) => module.ShortcutsDialog));

type DialogName = 'new' | 'open' | 'saveAs' | 'mergeCopy' | 'shortcuts' | null;

export function App() {
  const session = useSession();
  const state = useSessionState();
  const imports = useRunningImports();
  const settings = useSettings();
  const pendingPaste = usePendingPaste();
  useAppearance(settings?.theme, settings?.textSize);
  const [dialog, setDialog] = useState<DialogName>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const fileInput = useRef<HTMLInputElement>(null);
  const { project } = state;

  // main.tsx has started the session already; an app mounted otherwise (tests) starts it here.
  useEffect(() => {
    void session.start();
  }, [session]);

  useEffect(() => {
    document.title = project ? `${project.title || 'Untitled project'} — Fact-check Workbench` : 'Fact-check Workbench';
  }, [project?.title, project]);

  const dragging = useFileDrop((files) => void importArticleFiles(session, files));

  // The workspace's handlers keep their identity (it is memoized: a new save state alone does not render it).
  const openClaim = useCallback(
    (claimId: string) => {
      session.selectClaim(claimId);
      setFocusRequest((n) => n + 1);
    },
    [session],
  );
  const markClaimNow = useCallback(() => markClaim(session), [session]);
  const addArticle = useCallback(() => fileInput.current?.click(), []);
  const addArticleFiles = useCallback((files: File[]) => void importArticleFiles(session, files), [session]);

  const stepClaim = (delta: number) => {
    const article = currentArticle(project, state.articleId);
    const claims = articleClaims(project, article?.id ?? null);
    if (claims.length === 0) return;
    const index = claims.findIndex((claim) => claim.id === state.claimId);
    const next = index < 0 ? (delta > 0 ? 0 : claims.length - 1) : Math.max(0, Math.min(claims.length - 1, index + delta));
    session.selectClaim(claims[next].id);
  };

  const showOpen = () => void openProjectFlow(session, () => setDialog('open'));
  const showSaveAs = () => void saveAsFlow(session, () => setDialog('saveAs'));
  const [mergeResult, setMergeResult] = useState<string | null>(null);
  const showMergeCopy = () => void mergeCopyFlow(session, () => setDialog('mergeCopy'), setMergeResult);
  // The line belongs to the project it was merged into.
  useEffect(() => setMergeResult(null), [project?.id]);

  useGlobalShortcuts(
    {
      undo: () => session.undo(),
      redo: () => session.redo(),
      markClaim: () => markClaim(session),
      newProject: () => setDialog('new'),
      openProject: showOpen,
      saveAs: () => {
        if (project) showSaveAs();
      },
      mergeCopy: () => {
        if (project) showMergeCopy();
      },
      closeProject: () => {
        if (project) void session.closeProject();
      },
      addArticle: () => fileInput.current?.click(),
      nextClaim: () => stepClaim(1),
      previousClaim: () => stepClaim(-1),
      toggleCaretMode: () => {
        if (project) toggleCaretMode();
      },
      showShortcuts: () => setDialog('shortcuts'),
      zoom: (step) => {
        const next = stepTextSize(settings?.textSize ?? NORMAL_TEXT_SIZE, step);
        if (next !== settings?.textSize) session.settings.saveAppearance({ textSize: next }).catch((error: unknown) => session.notify(`The text size was not kept: ${errorMessage(error)}`));
      },
    },
    state.phase !== 'starting',
  );

  return (
    <div className="app">
      {project && (
        <TopBar
          project={project}
          path={state.path}
          save={state.save}
          onRename={(title) => session.dispatch({ type: 'renameProject', title })}
          onNew={() => setDialog('new')}
          onOpen={showOpen}
          onSaveAs={showSaveAs}
          onClose={() => void session.closeProject()}
          onUndo={() => session.undo()}
          onRedo={() => session.redo()}
          historyLoading={session.outbox.historyLoading}
        />
      )}
      {project && <TeamStrip project={project} onMergeCopy={showMergeCopy} mergeResult={mergeResult} onDismissMergeResult={() => setMergeResult(null)} />}

      {state.phase === 'starting' ? (
        <main className="starting" aria-busy="true">
          <p>Starting…</p>
        </main>
      ) : project ? (
        <Workspace
          ref={fileInput}
          project={project}
          articleId={state.articleId}
          claimId={state.claimId}
          focusRequest={focusRequest}
          onMarkClaim={markClaimNow}
          onOpenClaim={openClaim}
          onAddArticle={addArticle}
          onFiles={addArticleFiles}
        />
      ) : (
        <WelcomeScreen
          version={state.appInfo?.version ?? null}
          busy={state.busy}
          onNew={() => setDialog('new')}
          onOpen={showOpen}
          onOpenPath={(path) => void session.openProject(path)}
        />
      )}

      <OverlayLayer progress={[...imports.map((progress) => `Importing ${progress.name}…`), ...(state.busy && project ? [state.busy] : [])]} />

      {dragging && <DropOverlay canDrop={Boolean(project)} />}

      {dialog === 'new' && (
        <NewProjectDialog projectsDir={state.appInfo?.projectsDir ?? null} onCreate={(title) => session.createProject(title)} onClose={() => setDialog(null)} />
      )}
      {dialog === 'open' && <OpenProjectDialog onOpen={(path) => session.openProject(path)} onClose={() => setDialog(null)} />}
      {dialog === 'mergeCopy' && project && (
        <MergeCopyDialog
          openPath={state.path}
          projectId={project.id}
          onMerge={async (path) => {
            const merged = await session.mergeCopy(path);
            if (merged) setMergeResult(mergeResultLine(merged));
            return merged !== null;
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'shortcuts' && (
        <LazyDialog label="Keyboard shortcuts" wide onClose={() => setDialog(null)}>
          <ShortcutsDialog onClose={() => setDialog(null)} />
        </LazyDialog>
      )}
      {pendingPaste && project && <PasteDetailsDialog version={pendingPaste} onClose={clearPendingPaste} />}
      {dialog === 'saveAs' && project && (
        <SaveAsDialog defaultPath={saveAsDefaultPath(session)} onSave={(path) => session.saveProjectAs(path)} onClose={() => setDialog(null)} />
      )}
      {state.phase !== 'starting' && <IdentityPrompt />}
    </div>
  );
}
