'use client';

import { useRouter } from 'next/navigation';
import { Component, useState, useTransition, type ReactNode } from 'react';
import { secondaryButton } from './button-styles';

type BoundaryProps = { title: string; onRetry: () => void; isRetrying?: boolean; children: ReactNode };

/**
 * Catches what one panel throws while rendering (its data could not be read), so the panel says
 * so and offers a retry while the rest of the page stays.
 */
export class PanelErrorBoundary extends Component<BoundaryProps, { hasFailed: boolean }> {
  state = { hasFailed: false };

  static getDerivedStateFromError() {
    return { hasFailed: true };
  }

  render() {
    if (!this.state.hasFailed) return this.props.children;
    const { title, onRetry, isRetrying = false } = this.props;
    return (
      <section aria-label={title} className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 className="mb-1 text-lg font-medium">{title}</h2>
        <p className="mb-3 text-stone-700">This part of the page could not load.</p>
        <button type="button" className={`${secondaryButton} min-h-11`} onClick={onRetry} disabled={isRetrying}>
          {isRetrying ? 'Retrying…' : 'Retry'}
        </button>
      </section>
    );
  }
}

/**
 * One streamed panel's error boundary: Retry asks the server for the page again and, with the
 * answer, renders the panel anew (the boundary is remounted in the same transition).
 */
export function PanelBoundary({ title, children }: { title: string; children: ReactNode }) {
  const router = useRouter();
  const [attempt, setAttempt] = useState(0);
  const [isRetrying, startTransition] = useTransition();
  const retry = () =>
    startTransition(() => {
      router.refresh();
      setAttempt((n) => n + 1);
    });
  return (
    <PanelErrorBoundary key={attempt} title={title} onRetry={retry} isRetrying={isRetrying}>
      {children}
    </PanelErrorBoundary>
  );
}
