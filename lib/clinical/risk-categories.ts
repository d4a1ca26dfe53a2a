// The kinds of risk the risk-language screen recognises (lib/clinical/risk-language). A hit is
// stored as one of these, never as the words. Wording for the therapist, who reads the fact only.
export const RISK_CATEGORIES = [
  'wish_to_die',
  'suicidal_thoughts',
  'burden',
  'hopelessness',
  'plan_or_preparation',
  'self_harm',
  'overdose',
] as const;

export type RiskCategory = (typeof RISK_CATEGORIES)[number];

export const RISK_CATEGORY_LABELS: Record<RiskCategory, string> = {
  wish_to_die: 'wish to be dead or not wake up',
  suicidal_thoughts: 'thoughts of suicide',
  burden: 'feeling a burden to others',
  hopelessness: 'hopelessness about living',
  plan_or_preparation: 'a plan, method or preparations',
  self_harm: 'self-harm',
  overdose: 'overdose',
};
