// npm run eval:crisis [-- --json] [-- --misses]
// Recall and false-alarm rate of the risk-language screen on both halves of the corpus, and its
// speed per utterance. --misses lists the development half's misses and false alarms, the only
// sentences a person tuning the rules may read; the held-out half is reported as counts only.
import { screenRiskLanguage } from '@/lib/clinical/risk-language';
import { JOURNAL_MAX_CHARS } from '@/lib/validation/journal';
import { type HalfReport, percentile, readHalf, screenAll, summarize, type Outcome } from './corpus';

const asJson = process.argv.includes('--json');
const showMisses = process.argv.includes('--misses');

const development = readHalf('development');
const heldOut = readHalf('held-out');
const devOutcomes = screenAll(development);
const heldOutcomes = screenAll(heldOut);
const reports = [summarize('development', devOutcomes), summarize('held-out', heldOutcomes)];

// Speed: each utterance screened TIMING_RUNS times after the pass above warmed the code, and its
// median kept, so one pause of a busy machine does not stand for the screen.
const TIMING_RUNS = 5;
function medianMs(text: string): number {
  const runs: number[] = [];
  for (let i = 0; i < TIMING_RUNS; i++) {
    const started = performance.now();
    screenRiskLanguage(text);
    runs.push(performance.now() - started);
  }
  return percentile(runs, 0.5);
}
const times = [...development, ...heldOut].map((row) => medianMs(row.text));
// A journal entry at the form's limit: the corpus's sentences joined up to that many characters.
const journal = [...development, ...heldOut]
  .map((row) => `${row.text}.`)
  .join(' ')
  .repeat(3)
  .slice(0, JOURNAL_MAX_CHARS);
const timing = {
  utterances: times.length,
  medianMs: percentile(times, 0.5),
  p95Ms: percentile(times, 0.95),
  journalChars: journal.length,
  journalMs: medianMs(journal),
};
const GOAL = { recall: 0.95, falseAlarmRate: 0.1 };
const meetsGoal = (r: HalfReport) => r.recall >= GOAL.recall && r.falseAlarmRate <= GOAL.falseAlarmRate;

if (asJson) {
  console.log(JSON.stringify({ goal: GOAL, halves: reports.map((r) => ({ ...r, meetsGoal: meetsGoal(r) })), timing }, null, 2));
} else {
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  console.log('Risk-language screen on lib/clinical/risk-language-corpus (goal: recall ≥ 95 %, false alarms ≤ 10 %)\n');
  for (const r of reports) {
    console.log(
      `${r.half}: n ${r.n} (${r.risk} risk, ${r.notRisk} not)  recall ${pct(r.recall)}  false alarms ${pct(r.falseAlarmRate)}  ${meetsGoal(r) ? 'meets the goal' : 'MISSES THE GOAL'}`,
    );
    console.log(
      `  recall by category: ${Object.entries(r.recallByCategory)
        .map(([c, v]) => `${c} ${pct(v.recall)} of ${v.n}`)
        .join(', ')}`,
    );
    console.log(`  most serious category found = label: ${pct(r.categoryAgreement)} of hits`);
    console.log(
      `  false alarms by kind: ${Object.entries(r.falseAlarmsByKind)
        .map(([k, v]) => `${k} ${v.falseAlarms}/${v.n}`)
        .join(', ')}`,
    );
  }
  console.log(
    `\nspeed: median ${timing.medianMs.toFixed(3)} ms, p95 ${timing.p95Ms.toFixed(3)} ms per utterance over ${timing.utterances}; ${timing.journalMs.toFixed(1)} ms for a ${timing.journalChars}-character journal entry`,
  );
  if (showMisses) {
    const wrong = (o: Outcome) => o.isRisk !== o.isHit;
    console.log('\ndevelopment misses and false alarms:');
    for (const o of devOutcomes.filter(wrong))
      console.log(`  ${o.isRisk ? 'MISSED' : 'FALSE ALARM'} [${o.category}${o.found ? ` → ${o.found}` : ''}] ${o.text}`);
  }
}
