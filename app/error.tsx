'use client';

import { ErrorPage } from '@/components/ui/error-page';

export default function RouteError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPage onRetry={reset} />;
}
