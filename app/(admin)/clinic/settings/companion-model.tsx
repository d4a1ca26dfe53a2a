import type { Actor } from '@/lib/dal/context';
import { getCompanionModelSetting } from '@/lib/dal/companion';
import { CompanionModelForm } from './companion-model-form';

/** Loads the clinic's companion setting for its form, so the settings page places it in one line. */
export async function CompanionModelSetting({ actor }: { actor: Actor }) {
  const setting = await getCompanionModelSetting({ actor });
  return <CompanionModelForm {...setting} />;
}
