// npm run eval:crisis [-- --json] [-- --misses]
// Recall and false-alarm rate of the risk-language screen on both halves of the corpus, and its
// speed per utterance. --misses lists the development half's misses and false alarms, the only
// sentences a person tuning the rules may read; the held-out half is reported as counts only.
import { type HalfReport, percentile, readHalf, screenAll, summarize, type Outcome } from './corpus';

const asJson = process.argv.includes('--json');
const showMisses = process.argv.includes('--misses');

const development = readHalf('development');
const heldOut = readHalf('held-out');
// One warm-up pass, so the timing is of the screen and not of the first call's compilation.
screenAll(development);
const devOutcomes = screenAll(development);
const heldOutcomes = screenAll(heldOut);
const reports = [summarize('development', devOutcomes), summarize('held-out', heldOutcomes)];
const times = [...devOutcomes, ...heldOutcomes].map((o) => o.ms);
const timing = { utterances: times.length, medianMs: percentile(times, 0.5), p95Ms: percentile(times, 0.95) };
const GOAL = { recall: 0.95, falseAlarmRate: 0.1 };
const meetsGoal = (r: HalfReport) => r.recall >= GOAL.recall && r.falseAlarmRate <= GOAL.falseAlarmRate;

if (asJson) {
  console.log(JSON.stringify({ goal: GOAL, halves: reports.map((r) => ({ ...r, meetsGoal: meetsGoal(r) })), timing }, null, 2));
} else {
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  console.log('Risk-language screen on lib/clinical/risk-language-corpus (goal: recall ≥ 95 %, false alarms ≤ 10 %)\n');
  for (const r of reports) {
    console.log(`${r.half}: n ${r.n} (${r.risk} risk, ${r.notRisk} not)  recall ${pct(r.recall)}  false alarms ${pct(r.falseAlarmRate)}  ${meetsGoal(r) ? 'meets the goal' : 'MISSES THE GOAL'}`);
    console.log(`  recall by category: ${Object.entries(r.recallByCategory).map(([c, v]) => `${c} ${pct(v.recall)} of ${v.n}`).join(', ')}`);
    console.log(`  most serious category found = label: ${pct(r.categoryAgreement)} of hits`);
    console.log(`  false alarms by kind: ${Object.entries(r.falseAlarmsByKind).map(([k, v]) => `${k} ${v.falseAlarms}/${v.n}`).join(', ')}`);
  }
  console.log(`\nspeed: median ${timing.medianMs.toFixed(3)} ms, p95 ${timing.p95Ms.toFixed(3)} ms per utterance over ${timing.utterances}`);
  if (showMisses) {
    const wrong = (o: Outcome) => o.isRisk !== o.isHit;
    console.log('\ndevelopment misses and false alarms:');
    for (const o of devOutcomes.filter(wrong)) console.log(`  ${o.isRisk ? 'MISSED' : 'FALSE ALARM'} [${o.category}${o.found ? ` → ${o.found}` : ''}] ${o.text}`);
  }
}
