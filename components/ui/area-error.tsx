'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { ErrorPage } from './error-page';

/**
 * The error page of one area (client, therapist, admin), shown inside its shell so the navigation
 * stays. Retry asks the server for the page again, then renders it anew.
 */
export function AreaError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  return (
    <ErrorPage
      isInShell
      onRetry={() =>
        startTransition(() => {
          router.refresh();
          reset();
        })
      }
    />
  );
}
