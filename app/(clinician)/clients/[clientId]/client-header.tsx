import { Link } from '@/components/ui/link';
import type { ReactNode } from 'react';
import type { ClientAccess } from '@/lib/dal/client-record';

const scopeLabel = { checkins: 'check-ins', journal: 'journal', measures: 'questionnaires', companion: 'companion summaries' } as const;

function sharingSentence(sharing: readonly (keyof typeof scopeLabel)[]) {
  if (sharing.length === 0) return 'Shares nothing with you at the moment; urgent risk answers still reach you.';
  const words = sharing.map((s) => scopeLabel[s]);
  const list = words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
  return `Shares ${list} with you.`;
}

/** The client's name, what they share, and the record's downloads: the top of every page about one client. */
export function ClientHeader({ client, reminders }: { client: ClientAccess; reminders: ReactNode }) {
  const { clientId } = client;
  return (
    <>
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <div className="flex flex-col gap-1">
          <h1 className="text-2xl font-semibold">{client.name}</h1>
          <p className="text-stone-700">{sharingSentence(client.sharing)}</p>
          {reminders}
        </div>
        <div className="flex flex-wrap gap-2">
          <Link
            href={`/report/${clientId}`}
            className="min-h-11 rounded-md border border-stone-400 bg-white px-4 py-2 font-medium hover:bg-stone-100"
          >
            Pre-session report
          </Link>
          <a
            href={`/clients/${clientId}/fhir`}
            download
            aria-describedby="fhir-download-note"
            className="min-h-11 rounded-md border border-stone-400 bg-white px-4 py-2 font-medium hover:bg-stone-100"
          >
            Download for the clinic record (FHIR)
          </a>
        </div>
      </div>
      <p id="fhir-download-note" className="sr-only">
        The FHIR file holds what the client shares with you: mood from check-ins and questionnaire answers. The client sees that you
        downloaded it.
      </p>
    </>
  );
}
