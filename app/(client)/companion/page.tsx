import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { CompanionItems } from '@/components/companion/companion-items';
import { MessageForm } from '@/components/companion/message-form';
import { PlannedReminders } from '@/components/companion/planned-reminders';
import { ReminderOffer } from '@/components/companion/reminder-offer';
import { BreathingExercise } from '@/components/support/breathing-exercise';
import { CrisisResources } from '@/components/support/crisis-resources';
import { ReminderOutcome } from '@/components/companion/reminder-outcome';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/session';
import { MESSAGE_MAX_CHARS } from '@/lib/companion/engine';
import { getCrisisResources } from '@/lib/dal/alerts';
import { getCompanionConversation, latestCompanionConversationId, listCompanionItems } from '@/lib/dal/companion';
import { getReminderOffer, listPlannedReminders } from '@/lib/dal/companion-reminders';
import { listSharing } from '@/lib/dal/consent';
import { wallClockText } from '@/lib/dates';
import { planOneOffReminder } from '@/lib/outreach/schedule';
import { cancelCompanionReminder } from '../settings/reminder-actions';
import { sendMessage, setActivationReminder, shareTranscript, startConversation } from './actions';

export const metadata: Metadata = { title: 'Talk it through' };

export default async function CompanionPage({ searchParams }: { searchParams: Promise<{ from?: string; reminder?: string }> }) {
  const user = await requireRole('client');
  const { from, reminder } = await searchParams;
  const [conversationId, crisis, items, sharing, planned] = await Promise.all([
    latestCompanionConversationId({ actor: user }),
    getCrisisResources({ actor: user }),
    listCompanionItems({ actor: user, clientId: user.userId }),
    listSharing({ actor: user }),
    listPlannedReminders({ actor: user }),
  ]);
  const [conversation, offer] = conversationId
    ? await Promise.all([
        getCompanionConversation({ actor: user, clientId: user.userId, conversationId }),
        getReminderOffer({ actor: user, conversationId }),
      ])
    : [null, null];
  // The time the client named for their plan, today if it is still ahead, else tomorrow.
  const offerTime = offer?.suggestedTime ?? '';
  const offerDay =
    offerTime && !planOneOffReminder({ now: new Date(), timeZone: user.timeZone, day: 'today', localTime: offerTime, quiet: null }).ok
      ? 'tomorrow'
      : 'today';
  const sharedWith = sharing.therapists.filter((t) => t.scopes.some((s) => s.scope === 'companion' && s.isShared)).map((t) => t.name);
  const last = conversation?.messages.at(-1);
  const fromDip = from === 'dip';

  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <PageHeader title="Talk it through">
        <p>
          An automated companion for the moments between sessions. It is not a person and not your therapist, and it cannot help in an
          emergency.
        </p>
      </PageHeader>

      {conversation && (
        <section aria-labelledby="conversation-heading" className="flex flex-col gap-4">
          <h2 id="conversation-heading" className="sr-only">
            Conversation
          </h2>
          <ol aria-live="polite" className="flex flex-col gap-3">
            {conversation.messages.map((m) => (
              <li
                key={`${m.turn}-${m.author}`}
                className={
                  m.author === 'client'
                    ? 'max-w-[85%] self-end rounded-lg bg-brand-700 px-4 py-2 text-white'
                    : 'max-w-[85%] self-start rounded-lg border border-stone-200 bg-white px-4 py-2'
                }
              >
                <span className="sr-only">{m.author === 'client' ? 'You: ' : 'Companion: '}</span>
                {m.text}
              </li>
            ))}
          </ol>
          {conversation.inCrisis && <CrisisResources crisis={crisis} hasAlerted />}
          {last?.kind === 'breathing' && <BreathingExercise />}
          {offer && !offer.isUsed && (
            <ReminderOffer
              conversationId={conversation.id}
              activity={offer.activity}
              defaultDay={offerDay}
              defaultTime={offerTime}
              action={setActivationReminder}
            />
          )}
          {offer?.planned && (
            <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-800">
              Reminder set for {wallClockText(offer.planned.localDate, offer.planned.localTime)}. You can cancel it below or in Settings.
            </p>
          )}
          <MessageForm conversationId={conversation.id} maxLength={MESSAGE_MAX_CHARS} crisis={crisis} action={sendMessage} />
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <form action={startConversation}>
              <button
                type="submit"
                className="min-h-11 rounded-md border border-stone-400 bg-white px-4 py-2 font-medium hover:bg-stone-100"
              >
                Start a new conversation
              </button>
            </form>
            <form action={shareTranscript}>
              <input type="hidden" name="conversationId" value={conversation.id} />
              <input type="hidden" name="share" value={conversation.isTranscriptShared ? '0' : '1'} />
              <button
                type="submit"
                className="min-h-11 rounded-md border border-stone-400 bg-white px-4 py-2 font-medium hover:bg-stone-100"
              >
                {conversation.isTranscriptShared ? 'Stop sharing this conversation' : 'Share this conversation’s words'}
              </button>
            </form>
          </div>
          <p className="text-sm text-stone-700">
            {conversation.isTranscriptShared
              ? 'You shared the words of this conversation. Your therapist can read them while you share companion notes with them.'
              : 'This conversation is private. Your therapist does not see it unless you share it.'}
          </p>
        </section>
      )}

      {!conversation && (
        <section aria-labelledby="start-heading" className="flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-4">
          <h2 id="start-heading" className="text-lg font-semibold">
            {fromDip ? 'The last few days looked hard' : 'Put things into words'}
          </h2>
          <p>
            It can listen, take you through grounding or slow breathing, help you write a difficult thought down step by step, find one
            small thing to do today, or keep a note for your next session. If your words suggest you may be in danger, it stops and your
            therapist is told (not your words).
          </p>
          <form action={startConversation}>
            <input type="hidden" name="from" value={fromDip ? 'dip' : ''} />
            <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-5 py-2 font-medium text-white hover:bg-brand-800">
              Start talking
            </button>
          </form>
        </section>
      )}

      {(planned.length > 0 || reminder) && (
        <section aria-labelledby="planned-heading" className="flex flex-col gap-3">
          <h2 id="planned-heading" className="text-lg font-semibold">
            Reminders you planned here
          </h2>
          <ReminderOutcome outcome={reminder} />
          <PlannedReminders planned={planned} from="companion" cancel={cancelCompanionReminder} />
        </section>
      )}

      <CompanionItems
        items={items}
        timeZone={user.timeZone}
        headingId="saved-heading"
        title="Saved with the companion"
        empty="Thought records and notes for your next session appear here once you save one."
      />
      <p className="text-sm text-stone-700">
        {sharedWith.length > 0 ? `Shared with ${sharedWith.join(' and ')}. ` : 'Private: not shared with your therapist. '}
        <Link href="/sharing" className="text-brand-700 underline underline-offset-4">
          Choose what you share
        </Link>
      </p>
    </div>
  );
}
