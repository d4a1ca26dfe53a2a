import type { RiskCategory } from './risk-categories';
import { screenForCrisisLanguage } from './crisis-language';

export type RiskScreen = { isHit: boolean; category: RiskCategory | null; categories: RiskCategory[] };

export function screenRiskLanguage(text: string): RiskScreen {
  const isHit = screenForCrisisLanguage(text).isHit;
  return { isHit, category: isHit ? 'suicidal_thoughts' : null, categories: isHit ? ['suicidal_thoughts'] : [] };
}
