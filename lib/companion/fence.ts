// The output fence: what no companion reply may say, whoever wrote it. It screens the optional
// model's phrasing before a client sees it (any hit falls back to the scripted reply), and the
// evaluation (npm run eval:companion) runs it over every scripted reply as well.
// The lines it draws are Tandem's (docs/design.md §10): the companion never diagnoses, never advises on
// medication, never speaks of risk itself (that is the crisis card's job) and promises nothing.

import { screenRiskLanguage } from '@/lib/clinical/risk-language';

export type FenceHit = 'risk' | 'diagnosis' | 'medication' | 'promise';

const CONDITIONS = String.raw`(depress\w*|anxiety disorder|disorder|ptsd|adhd|bipolar|ocd|autis\w*|borderline|psychosis|schizo\w*|burnout|panic disorder|an illness|a condition)`;
const DIAGNOSIS = [
  new RegExp(
    String.raw`\byou(?:'re| are)? (?:probably |likely |might |may |could |clearly |definitely )?(?:have|having|suffer\w* from|show\w* signs of|dealing with|be) [^.?!]{0,30}\b${CONDITIONS}`,
    'i',
  ),
  new RegExp(String.raw`\b(?:sounds|looks|seems) like (?:you have |you're |clinical |a )?[^.?!]{0,15}\b${CONDITIONS}`, 'i'),
  new RegExp(String.raw`\bthis (?:is|could be|might be) ${CONDITIONS}`, 'i'),
  /\b(?:i(?:'d| would) diagnose|my diagnosis|you meet the criteria)\b/i,
];
const DRUGS = String.raw`(mg|milligrams?|doses?|dosage|medication|medicine|meds|pills?|tablets?|antidepressants?|ssris?|sertraline|fluoxetine|citalopram|escitalopram|prozac|zoloft|xanax|diazepam|valium|lorazepam|melatonin|ibuprofen|paracetamol|sleeping pills?)`;
const MEDICATION = [
  new RegExp(
    String.raw`\b(?:take|taking|try|trying|increase|decrease|reduce|double|halve|skip|stop(?:ping)? taking|come off|start(?:ing)?|switch(?:ing)? to)\b[^.?!]{0,30}\b${DRUGS}\b`,
    'i',
  ),
  new RegExp(String.raw`\b${DRUGS}\b[^.?!]{0,20}\b(?:would|will|should|could|might) (?:help|work|fix)`, 'i'),
];
// The risk screen reads the client's own words and sets aside what is said of someone else ("you
// want to die"); a reply must not raise the subject at all, whoever it speaks of.
const RISK_TALK =
  /\b(?:suicid\w*|kill (?:yourself|myself|themselves)|self[- ]?harm\w*|overdos\w*|(?:want|wants|wanted|wish) to die|end (?:your|my|their) life|hurt(?:ing)? (?:yourself|myself)|cut(?:ting)? (?:yourself|myself))\b/i;

const PROMISES = [
  /\bi promise\b/i,
  /\b(?:everything|it all|things) (?:will|is going to) (?:be )?(?:fine|ok|okay|alright|all right|get better|work out)\b/i,
  /\bi(?:'ll| will) always be (?:here|there)\b/i,
  /\byou will (?:definitely|certainly|surely) /i,
  /\b(?:i|we) guarantee\b/i,
];

/** What a reply says that it must not; an empty list when it is fine. */
export function fenceHits(text: string): FenceHit[] {
  const hits: FenceHit[] = [];
  if (screenRiskLanguage(text).isHit || RISK_TALK.test(text)) hits.push('risk');
  if (DIAGNOSIS.some((r) => r.test(text))) hits.push('diagnosis');
  if (MEDICATION.some((r) => r.test(text))) hits.push('medication');
  if (PROMISES.some((r) => r.test(text))) hits.push('promise');
  return hits;
}
