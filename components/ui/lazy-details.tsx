'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A `<details>` whose contents enter the page the first time it is opened, and stay. The summary
 * is in the HTML as usual; what it hides (a client's dozens of questionnaires with their item
 * answers, a year of days in a table) is neither in the HTML nor hydrated while nobody looks, which
 * on a phone is most of the client page's work. Opened before the page's script ran, it shows its
 * contents as soon as the script runs.
 */
export function LazyDetails({
  summary,
  className,
  summaryClassName,
  children,
}: {
  summary: ReactNode;
  className?: string;
  summaryClassName?: string;
  children: ReactNode;
}) {
  const details = useRef<HTMLDetailsElement>(null);
  const [isOpened, setIsOpened] = useState(false);
  useEffect(() => {
    const element = details.current;
    if (!element) return;
    const reveal = () => {
      if (element.open) setIsOpened(true);
    };
    reveal();
    element.addEventListener('toggle', reveal);
    return () => element.removeEventListener('toggle', reveal);
  }, []);
  return (
    <details ref={details} className={className}>
      <summary className={summaryClassName}>{summary}</summary>
      {isOpened && children}
    </details>
  );
}
