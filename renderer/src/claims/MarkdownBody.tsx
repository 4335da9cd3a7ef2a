/**
 * Markdown rendered by react-markdown (a chunk of its own, loaded through RationalePreview): no raw HTML, links only when they pass
 * the shared URL check (opened in the system browser through the workbench), images shown as
 * "[image: alt]" text so nothing remote ever loads.
 */
import { useMemo } from 'react';
import Markdown, { type Components } from 'react-markdown';
import { checkExternalUrl } from '../../../shared/urlCheck';
import { useSession } from '../app/context';
import { errorMessage } from '../platform/errorMessage';
import type { ProjectSession } from '../store/projectSession';

function safeUrl(url: string): string {
  const checked = checkExternalUrl(url);
  return checked.ok ? checked.url : '';
}

function openLink(session: ProjectSession, url: string): void {
  session.api
    .openExternal({ url })
    .then((result) => {
      if (!result.opened) session.notify(`The link was not opened: ${result.reason ?? url}`);
    })
    .catch((error: unknown) => session.notify(`The link was not opened: ${errorMessage(error)}`));
}

function linkComponents(session: ProjectSession): Components {
  return {
    a({ href, children }) {
      if (!href) return <span className="md-link-blocked">{children}</span>;
      return (
        <a
          href={href}
          rel="noreferrer noopener"
          title={`${href} — opens in your browser`}
          onClick={(event) => {
            event.preventDefault();
            openLink(session, href);
          }}
        >
          {children}
        </a>
      );
    },
    img({ alt }) {
      return <span className="md-image">[image: {alt || 'no description'}]</span>;
    },
  };
}

export function MarkdownBody({ markdown }: { markdown: string }) {
  const session = useSession();
  const components = useMemo(() => linkComponents(session), [session]);
  return (
    <div className="markdown-preview">
      <Markdown skipHtml urlTransform={safeUrl} components={components}>
        {markdown}
      </Markdown>
    </div>
  );
}
