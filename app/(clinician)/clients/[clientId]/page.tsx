import type { Metadata } from 'next';
import { Suspense } from 'react';
import { SignalsPanel } from '@/components/signals/signals-panel';
import { TimelinePanel } from '@/components/timeline/timeline-panel';
import { requireRole, type CurrentUser } from '@/lib/auth/session';
import { parseRange, type TimelineRange } from '@/lib/clinical/timeline';
import { getClientTimeline, listCheckInNotes, listMeasureAdministrations, listSharedJournal } from '@/lib/dal/client-record';
import { listSignals } from '@/lib/dal/insight-reviews';
import { addDays, localDateIn } from '@/lib/dates';
import { reviewSignal } from './actions';
import { orNotFound } from './load';
import { CompanionSection } from './companion-section';
import { CheckInNotesSection, JournalSection, MeasuresSection } from './record-sections';
import { SinceLastSession, SinceLastSessionSkeleton } from './since-last-session';

export const metadata: Metadata = { title: 'Client' };

type Props = { params: Promise<{ clientId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

function Skeleton({ label, height = 'h-64' }: { label: string; height?: string }) {
  return (
    <div role="status" aria-label={label} className={`${height} animate-pulse rounded-lg bg-stone-200`}>
      <span className="sr-only">{label}</span>
    </div>
  );
}

async function Timeline({ user, clientId, range }: { user: CurrentUser; clientId: string; range: TimelineRange }) {
  const data = await orNotFound(getClientTimeline({ actor: user, clientId, range }));
  return <TimelinePanel data={data} clientId={clientId} />;
}

async function Signals({ user, clientId }: { user: CurrentUser; clientId: string }) {
  const signals = await orNotFound(listSignals({ actor: user, clientId }));
  const tomorrow = addDays(localDateIn(user.timeZone), 1);
  return <SignalsPanel signals={signals} clientId={clientId} action={reviewSignal} tomorrow={tomorrow} timeZone={user.timeZone} />;
}

async function Measures({ user, clientId }: { user: CurrentUser; clientId: string }) {
  return <MeasuresSection measures={await orNotFound(listMeasureAdministrations({ actor: user, clientId }))} />;
}

async function CheckInNotes({ user, clientId }: { user: CurrentUser; clientId: string }) {
  return <CheckInNotesSection notes={await orNotFound(listCheckInNotes({ actor: user, clientId }))} />;
}

async function Journal({ user, clientId }: { user: CurrentUser; clientId: string }) {
  return <JournalSection entries={await orNotFound(listSharedJournal({ actor: user, clientId }))} />;
}

export default async function ClientPage({ params, searchParams }: Props) {
  const user = await requireRole('therapist');
  const { clientId } = await params;
  const range = parseRange((await searchParams).range);
  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(22rem,1fr)]">
      <div className="flex min-w-0 flex-col gap-6">
        <Suspense key={range} fallback={<Skeleton label="Loading the timeline" height="h-96" />}>
          <Timeline user={user} clientId={clientId} range={range} />
        </Suspense>
        <Suspense fallback={<Skeleton label="Loading questionnaires" />}>
          <Measures user={user} clientId={clientId} />
        </Suspense>
        <div className="grid gap-6 lg:grid-cols-2">
          <Suspense fallback={<Skeleton label="Loading check-in notes" />}>
            <CheckInNotes user={user} clientId={clientId} />
          </Suspense>
          <Suspense fallback={<Skeleton label="Loading journal" />}>
            <Journal user={user} clientId={clientId} />
          </Suspense>
        </div>
        <Suspense fallback={<Skeleton label="Loading companion notes" />}>
          <CompanionSection actor={user} clientId={clientId} />
        </Suspense>
      </div>
      <div className="flex min-w-0 flex-col gap-6">
        <Suspense fallback={<SinceLastSessionSkeleton />}>
          <SinceLastSession actor={user} clientId={clientId} />
        </Suspense>
        <Suspense fallback={<Skeleton label="Loading signals" height="h-96" />}>
          <Signals user={user} clientId={clientId} />
        </Suspense>
      </div>
    </div>
  );
}
