'use client';

import './globals.css';
import { ErrorPage } from '@/components/ui/error-page';

// Replaces the root layout when that fails, so it brings its own html and body.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-stone-50 text-stone-900 antialiased">
        <ErrorPage onRetry={reset} />
      </body>
    </html>
  );
}
