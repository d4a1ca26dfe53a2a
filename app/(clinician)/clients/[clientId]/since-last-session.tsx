import { Link } from '@/components/ui/link';
import { secondaryButton } from '@/components/ui/button-styles';
import type { Actor } from '@/lib/dal/context';
import { getSinceLastSessionBrief } from '@/lib/dal/brief';
import type { Brief } from '@/lib/insights/brief';
import { BriefView } from '@/components/notes/brief-view';
import { orNotFound } from './or-not-found';

/**
 * The "since last session" brief for one client, for their assigned therapist (a server
 * component: it loads its own data, so it can sit in a Suspense boundary on any client page).
 * Anyone else gets the page's 404.
 */
export async function SinceLastSession({
  actor,
  clientId,
  hasStartLink = true,
}: {
  actor: Actor;
  clientId: string;
  hasStartLink?: boolean;
}) {
  return (
    <SinceLastSessionView
      brief={await orNotFound(getSinceLastSessionBrief({ actor, clientId }))}
      clientId={clientId}
      hasStartLink={hasStartLink}
    />
  );
}

/** The brief already read, with the link that starts a session note. */
export function SinceLastSessionView({ brief, clientId, hasStartLink = true }: { brief: Brief; clientId: string; hasStartLink?: boolean }) {
  return (
    <div className="flex flex-col gap-3">
      <BriefView brief={brief} headingId="since-last-session" title="Since last session" />
      {hasStartLink && (
        <div>
          <Link href={`/clients/${clientId}/notes/new`} className={secondaryButton}>
            Start a session note
          </Link>
        </div>
      )}
    </div>
  );
}

/** What shows while the brief loads. */
export function SinceLastSessionSkeleton() {
  return (
    <div role="status" className="rounded-lg border border-stone-200 bg-white p-4">
      <p className="sr-only">Loading the brief since the last session…</p>
      <div aria-hidden="true" className="flex animate-pulse flex-col gap-3">
        <div className="h-5 w-48 rounded bg-stone-200" />
        <div className="h-4 w-72 rounded bg-stone-100" />
        <div className="h-4 w-full rounded bg-stone-100" />
        <div className="h-4 w-5/6 rounded bg-stone-100" />
      </div>
    </div>
  );
}
