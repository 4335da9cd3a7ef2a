/**
 * Where a lazily loaded component renders: `fallback` while its chunk loads (shaped like the
 * component, so nothing jumps when it arrives), and a message instead of a blank window if the chunk
 * cannot be loaded.
 */
import { Component, Suspense, type ReactNode } from 'react';
import { errorMessage } from '../platform/errorMessage';

interface LazyBoundaryProps {
  /** What is loading, for the error message ("the Overview"). */
  what: string;
  fallback: ReactNode;
  /** Where the error message goes (the panel's frame); by default it stands alone. */
  frame?: (message: ReactNode) => ReactNode;
  children: ReactNode;
}

export function LazyBoundary({ what, fallback, frame, children }: LazyBoundaryProps) {
  return (
    <LoadErrorBoundary what={what} frame={frame}>
      <Suspense fallback={fallback}>{children}</Suspense>
    </LoadErrorBoundary>
  );
}

interface LoadErrorProps {
  what: string;
  frame?: (message: ReactNode) => ReactNode;
  children: ReactNode;
}

class LoadErrorBoundary extends Component<LoadErrorProps, { message: string | null }> {
  override state: { message: string | null } = { message: null };

  static getDerivedStateFromError(error: unknown) {
    return { message: errorMessage(error) };
  }

  override render() {
    if (this.state.message === null) return this.props.children;
    const alert = (
      <p role="alert" className="lazy-error">
        {`${this.props.what} could not be loaded: ${this.state.message}`}
      </p>
    );
    return this.props.frame ? this.props.frame(alert) : alert;
  }
}
