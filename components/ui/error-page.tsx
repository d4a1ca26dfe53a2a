import { Link } from '@/components/ui/link';
import { HelpNowNote } from '@/components/support/help-now-note';

/**
 * What a person sees when a page fails: a way to retry, a way home, and crisis help. Inside an
 * area's shell, which already holds the page's main landmark, it is a plain block.
 */
export function ErrorPage({ onRetry, isInShell = false }: { onRetry: () => void; isInShell?: boolean }) {
  const Wrapper = isInShell ? 'div' : 'main';
  return (
    <Wrapper className={`mx-auto flex max-w-md flex-col gap-4 px-6 ${isInShell ? 'py-8' : 'py-16'}`}>
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="text-stone-700">This page could not be shown. Nothing you saved before is lost.</p>
      <div className="flex flex-wrap items-center gap-4">
        <button type="button" onClick={onRetry} className="min-h-11 rounded-md bg-brand-700 px-4 font-medium text-white hover:bg-brand-800">
          Try again
        </button>
        <Link href="/" className="font-medium text-brand-700 underline underline-offset-4">
          Go to your home page
        </Link>
      </div>
      <HelpNowNote />
    </Wrapper>
  );
}
