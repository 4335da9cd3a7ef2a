/**
 * A side panel or a dialog whose content is a lazily loaded chunk: the empty panel (or dialog), with
 * its name and Close, stands in its place while the chunk loads, so focus and layout are where they
 * will be; if the chunk cannot be loaded, the same frame says why. The frames share one Escape layer,
 * held for as long as the panel is open, so the swap to the loaded frame keeps its place in the stack.
 */
import type { ReactNode } from 'react';
import { Dialog } from '../dialogs/Dialog';
import { SidePanel } from '../dialogs/SidePanel';
import { HeldLayerContext, useHeldLayer } from '../dialogs/layers';
import { LazyBoundary } from './LazyBoundary';

const loading = (
  <p className="panel-empty lazy-loading" role="status">
    Loading…
  </p>
);

interface LazyPanelProps {
  label: string;
  onClose: () => void;
  wide?: boolean;
  children: ReactNode;
}

export function LazyPanel({ label, onClose, wide, children }: LazyPanelProps) {
  const frame = (content: ReactNode) => (
    <SidePanel label={label} onClose={onClose} wide={wide}>
      {content}
    </SidePanel>
  );
  const held = useHeldLayer(false, onClose);
  return (
    <HeldLayerContext.Provider value={held}>
      <LazyBoundary what={`The ${label}`} fallback={frame(loading)} frame={frame}>
        {children}
      </LazyBoundary>
    </HeldLayerContext.Provider>
  );
}

export function LazyDialog({ label, onClose, wide, returnFocus, children }: LazyPanelProps & { returnFocus?: () => HTMLElement | null | undefined }) {
  const frame = (content: ReactNode) => (
    <Dialog label={label} onClose={onClose} wide={wide} returnFocus={returnFocus}>
      {content}
    </Dialog>
  );
  const held = useHeldLayer(true, onClose);
  return (
    <HeldLayerContext.Provider value={held}>
      <LazyBoundary what={`The ${label} dialog`} fallback={frame(loading)} frame={frame}>
        {children}
      </LazyBoundary>
    </HeldLayerContext.Provider>
  );
}
