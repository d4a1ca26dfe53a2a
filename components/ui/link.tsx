import NextLink from 'next/link';
import type { ComponentProps } from 'react';

/**
 * Tandem's links: next/link without prefetching. Every Tandem page is drawn for one person at one
 * moment, so a prefetch fetches only the linked route's outline, never its data, and saves little
 * on a click; meanwhile each link that scrolls into view costs a request to the server and the
 * browser's work on its answer while the page is still loading. Opening the demo client page on a
 * phone sent 16 of them, the caseload 9 (counted with Playwright). A click still moves between
 * pages without reloading.
 */
export function Link(props: Omit<ComponentProps<typeof NextLink>, 'prefetch'>) {
  return <NextLink {...props} prefetch={false} />;
}
