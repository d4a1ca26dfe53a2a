import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { MeasureWizard } from '@/components/measures/measure-wizard';
import { requireRole } from '@/lib/auth/session';
import { DIFFICULTY_OPTIONS, FREQUENCY_OPTIONS, instrumentDefinition } from '@/lib/clinical/instruments';
import { getCrisisResources } from '@/lib/dal/alerts';

export const metadata: Metadata = { title: 'Questionnaire' };

export default async function MeasurePage({ params }: { params: Promise<{ instrument: string }> }) {
  const user = await requireRole('client');
  const { instrument } = await params;
  if (instrument !== 'phq9' && instrument !== 'gad7') notFound();
  const definition = instrumentDefinition(instrument);
  // Fetched before the questionnaire starts, so the resources show even if saving later fails.
  const crisis = await getCrisisResources({ actor: user });

  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4">
      <Link href="/measures" className="text-sm text-brand-700 underline underline-offset-4">
        Back to questionnaires
      </Link>
      <MeasureWizard
        instrument={instrument}
        name={definition.name}
        stem={definition.stem}
        items={definition.items}
        difficultyQuestion={definition.difficultyQuestion}
        frequencyOptions={FREQUENCY_OPTIONS}
        difficultyOptions={DIFFICULTY_OPTIONS}
        crisis={crisis}
        storageKey={`tandem.pending-measure.${user.userId}.${instrument}`}
      />
    </div>
  );
}
