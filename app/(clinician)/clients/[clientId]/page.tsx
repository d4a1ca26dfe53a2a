import type { Metadata } from 'next';
import { Suspense, type ReactNode } from 'react';
import { ReminderHealthLine } from '@/components/outreach/reminder-health';
import { SignalsPanel } from '@/components/signals/signals-panel';
import { TimelinePanel } from '@/components/timeline/timeline-panel';
import { PanelBoundary } from '@/components/ui/panel-boundary';
import { requireRole } from '@/lib/auth/session';
import { parseRange } from '@/lib/clinical/timeline';
import { loadClientPage, type ClientPageLoad } from '@/lib/dal/client-page';
import { addDays, localDateIn } from '@/lib/dates';
import { reviewSignal } from './actions';
import { ClientHeader } from './client-header';
import { ClientNav } from './client-nav';
import { CompanionSection } from './companion-section';
import { orNotFound } from './or-not-found';
import { CheckInNotesSection, JournalSection, MeasuresSection } from './record-sections';
import { SinceLastSessionSkeleton, SinceLastSessionView } from './since-last-session';

export const metadata: Metadata = { title: 'Client' };

type Props = { params: Promise<{ clientId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
type Parts = ClientPageLoad['parts'];

function Skeleton({ label, height = 'h-64' }: { label: string; height?: string }) {
  return (
    <div role="status" aria-label={label} className={`${height} animate-pulse rounded-lg bg-stone-200`}>
      <span className="sr-only">{label}</span>
    </div>
  );
}

/** A streamed panel: its skeleton while the page's read runs, its own error and retry if its part fails. */
function Panel({ title, fallback, children }: { title: string; fallback: ReactNode; children: ReactNode }) {
  return (
    <PanelBoundary title={title}>
      <Suspense fallback={fallback}>{children}</Suspense>
    </PanelBoundary>
  );
}

async function Timeline({ parts, clientId }: { parts: Parts; clientId: string }) {
  return <TimelinePanel data={await parts.timeline} clientId={clientId} />;
}

async function Signals({ parts, clientId, timeZone }: { parts: Parts; clientId: string; timeZone: string }) {
  const tomorrow = addDays(localDateIn(timeZone), 1);
  return <SignalsPanel signals={await parts.signals} clientId={clientId} action={reviewSignal} tomorrow={tomorrow} timeZone={timeZone} />;
}

async function Measures({ parts }: { parts: Parts }) {
  return <MeasuresSection measures={await parts.measures} />;
}

async function CheckInNotes({ parts }: { parts: Parts }) {
  return <CheckInNotesSection notes={await parts.checkInNotes} />;
}

async function Journal({ parts }: { parts: Parts }) {
  return <JournalSection entries={await parts.journal} />;
}

async function Companion({ parts, timeZone }: { parts: Parts; timeZone: string }) {
  return <CompanionSection shared={await parts.companion} timeZone={timeZone} />;
}

async function Brief({ parts, clientId }: { parts: Parts; clientId: string }) {
  return <SinceLastSessionView brief={await parts.brief} clientId={clientId} />;
}

// The whole page is read by one loader in one transaction (lib/dal/client-page.ts): it is started
// once here, and each panel waits for its own part. The page waits for the assignment check, so a
// therapist the client is not assigned to gets a real 404 before anything streams, and then for the
// heading, as the notes and care-plan pages do: every part settles at the same commit, and a heading
// streamed in after a skeleton moved the whole page down on a phone and was its largest text to paint.
export default async function ClientPage({ params, searchParams }: Props) {
  const user = await requireRole('therapist');
  const { clientId } = await params;
  const range = parseRange((await searchParams).range);
  const { admitted, parts } = loadClientPage({ actor: user, clientId, range });
  await orNotFound(admitted);
  const client = await parts.client;
  // The reminder line is a courtesy: if it cannot be read, the heading shows without it.
  const reminders = await parts.reminders.catch(() => null);
  return (
    <div>
      <ClientHeader client={client} reminders={<ReminderHealthLine health={reminders} timeZone={user.timeZone} />} />
      <ClientNav clientId={clientId} />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(22rem,1fr)]">
        <div className="flex min-w-0 flex-col gap-6">
          <Panel title="Timeline" fallback={<Skeleton label="Loading the timeline" height="h-96" />}>
            <Timeline parts={parts} clientId={clientId} />
          </Panel>
          <Panel title="Questionnaires" fallback={<Skeleton label="Loading questionnaires" />}>
            <Measures parts={parts} />
          </Panel>
          <div className="grid gap-6 lg:grid-cols-2">
            <Panel title="Check-in notes and tags" fallback={<Skeleton label="Loading check-in notes" />}>
              <CheckInNotes parts={parts} />
            </Panel>
            <Panel title="Journal" fallback={<Skeleton label="Loading journal" />}>
              <Journal parts={parts} />
            </Panel>
          </div>
          <Panel title="Companion notes" fallback={<Skeleton label="Loading companion notes" />}>
            <Companion parts={parts} timeZone={user.timeZone} />
          </Panel>
        </div>
        <div className="flex min-w-0 flex-col gap-6">
          <Panel title="Since last session" fallback={<SinceLastSessionSkeleton />}>
            <Brief parts={parts} clientId={clientId} />
          </Panel>
          <Panel title="Signals" fallback={<Skeleton label="Loading signals" height="h-96" />}>
            <Signals parts={parts} clientId={clientId} timeZone={user.timeZone} />
          </Panel>
        </div>
      </div>
    </div>
  );
}
