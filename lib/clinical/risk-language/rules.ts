import type { RiskCategory } from '@/lib/clinical/risk-categories';

// The phrases the screen looks for, by category, in the pattern language of ./pattern.ts. Words
// are matched after ./spelling.ts has rewritten slang, misspellings and bare contractions, so
// "dont wanna die" arrives as "do not want to die" and "kms" as "kill myself".
//
// Sources for what to look for: the plain-language wording of the Columbia Suicide Severity
// Rating Scale screener (wish to be dead, suicidal thoughts, method, intent, plan, preparatory
// behaviour), the PHQ-9 item 9 stem ("thoughts that you would be better off dead, or of hurting
// yourself"), and the interpersonal theory's perceived burdensomeness (Van Orden et al., 2010,
// Psychol Rev 117:575). Review changes with a clinician; every family has tests in
// ../risk-language.test.ts, and `npm run eval:crisis` measures them on the corpus.
//
// A pattern finds words; whether they are the client's own, current and not negated is decided
// once for every pattern in ../risk-language.ts.

const FIRST_PERSON_BODY = 'arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin|stomach|face|hand|hands|chest|body';
const PILLS =
  'pill|pills|tablet|tablets|med|meds|medication|medications|medicine|paracetamol|ibuprofen|aspirin|antidepressant|antidepressants|painkiller|painkillers|insulin';
const HARM_VERBS = 'hurt|harm|cut|burn|burnt|burned|scratch|scratched|hit|punch|slap|bang|bite|carve|carved|starve|bruise';
const WEEKDAYS = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
const DEATH_PLACES = 'bridge|building|roof|cliff|balcony|tower|car|multistorey';

export const RULES: Readonly<Record<RiskCategory, readonly string[]>> = {
  // Passive wish to be dead or not to wake up (C-SSRS question 1).
  wish_to_die: [
    'want|wish|hope|hoping|pray|rather * die|dead',
    'wish|hope|hoping|pray|want ** not|never wake up',
    'go|fall to? sleep|asleep * forever|never',
    // Wanted, not tired: "I could sleep forever after that hike" is not here.
    'want|wish|wanna|like|love|hope|ready * sleep|asleep forever',
    'want|wish|wanna|like|love|hope|ready * sleep|asleep for good',
    'sleep|asleep forever * nice|good|better|peaceful|appeal|appeals|appealing|tempting',
    'better|good off|of dead',
    'want|wish it|everything all? to be? over|stop|end',
    'not see myself be|being here|around|alive',
    'not plan|planning on|to be|being here|around',
    'join * in heaven',
    'never wake up',
    'not want to be? live|alive',
    'not want to exist',
    'not want to be here|around',
    'wish * never be born',
    'stop existing|exist',
    'wish * not exist|alive|here|around',
    'if i * get|got|have|had cancer|ill|sick|hit|killed ** relieved|glad',
    'not care|mind if i * live|die|dead',
    'not mind if i die|died',
    'die in my sleep',
    'disappear|gone forever',
    'disappear|gone for good',
    'be gone for good',
    'about be|being dead',
    'something|someone|somebody * kill me',
    'hope|hoping|wish * car|bus|lorry|truck|train|plane * hit|crash|crashed',
    'stop permanently|forever',
    'be not here|around anymore',
    'if i * not here|around|alive anymore?',
  ],
  // Thoughts of suicide, direct or indirect (C-SSRS question 2), including "ending it".
  suicidal_thoughts: [
    'suicide|suicidal !prevention|awareness|line|hotline|helpline|course|training|crisis',
    'kill|killing|killed myself',
    'take|taking|took my own? life',
    'end|ending|ended my life',
    'end|ending it|things|everything all? !with|for|between|off',
    'not * be around|here much? longer|anymore|tomorrow',
    'about not be|being here|around|alive',
    'how i would do it',
    'way|ways to die',
    'check|checking out for good',
    'take|took myself out',
    'attempt|attempted suicide',
  ],
  // Perceived burdensomeness: others better off without me.
  burden: [
    'better|good off|of? without me',
    'better|good off|of * if i',
    'better|good off|of with me dead|gone',
    'burden|burdensome',
    `happy|happier|better|fine|easier|relieved|free|place * without me`,
    'happy|happier|easier|relieved|free * if i',
    'no one would|will * miss|notice|care',
    'nobody would|will * miss|notice|care',
    'waste of space|oxygen',
    'if i * be|was|were gone|dead $',
  ],
  // Hopelessness about living (not about a task: "this maths is hopeless" is not here).
  hopelessness: [
    'no point|reason * live|living|alive|life',
    'no reason to keep|carry going|on',
    'nothing to live for',
    'point of|in live|living|life|alive|be|being|go|going|carry|carrying|keep',
    'not see the|a|any point * live|living|life|alive|go|going|carry|carrying|keep|anymore',
    'life * not worth live|living',
    'not see a|any future',
    'no future for me',
    'done with life|living',
    'tired|sick|exhausted of|by live|living|life',
    'tired|sick|exhausted of|by be|being alive',
    'can not go|carry on',
    'can not keep go|going|live|living|fight|fighting',
    'can not keep do|doing this',
    'can not do this anymore',
    'give up on life|living',
    'not want to keep go|going|live|living',
    'reason to stay alive',
    'fight|fighting to stay alive',
    'how much long|longer i can keep',
    'life be pointless|meaningless',
    'not worth save|saving',
  ],
  // A method, a plan, or preparations (C-SSRS questions 3–6).
  plan_or_preparation: [
    `save|saving|saved|stockpile|stockpiling|hoard|hoarding|collect|collecting|stash|stashing * ${PILLS}|blade|blades`,
    `enough ${PILLS} * save|saved|to`,
    `how high|tall|far|deep * ${DEATH_PLACES}|drop|fall`,
    `how many ${PILLS}`,
    'how to get to the roof',
    'rope|noose !for',
    'lethal|fatal dose|doses',
    'where to buy|get a? gun',
    'research|researched|google|googled|look|looked * way|ways|how to * kill|die|end',
    `goodbye letter|letters|note|notes|message`,
    'goodbye forever',
    'say|said my goodbyes',
    'goodbye to * in a way',
    'letter|letters|note to|for my kid|kids|children|family|wife|husband|partner|parents|mum|dad|everyone',
    'note for when they find me',
    'give|gave|giving my? thing|things|stuff|belongings|possessions away',
    'will not need it|them anymore?',
    'affairs in order',
    'make|made|write|wrote my will',
    'train track|tracks',
    'in front of * train|bus|lorry|truck|car',
    `jump|jumping|jumped off|from the? * ${DEATH_PLACES}`,
    `which ${DEATH_PLACES}`,
    'edge of the? cliff|roof|bridge|platform',
    'at|on the edge for',
    'plan|plans for how',
    'have a plan $',
    'pick|picked|set|chosen|chose a date $',
    'end|ending it this|next|tonight|tomorrow',
  ],
  // Self-harm, in any tense (C-SSRS; NICE NG225 defines self-harm regardless of intent).
  self_harm: [
    'self harm|harming|harmed|harms',
    `${HARM_VERBS} myself !shaving|accidentally|by`,
    `${HARM_VERBS} ** on purpose`,
    `${HARM_VERBS} ** deliberately|intentionally`,
    `${HARM_VERBS}|pick|picking ** until|till * bleed|bled|bleeds|bruise|bruised`,
    'cut|cutting again',
    'want|need|urge|urges|going to cut $',
    'cutting $',
    'cut|cutting in the',
    `cut|cuts on|into my ${FIRST_PERSON_BODY}`,
    'been|started|start cutting !back|down',
    'urge|urges to hurt|harm|cut|burn',
    'punish myself',
    `blade to|into my ${FIRST_PERSON_BODY}`,
    `carve|carved into my ${FIRST_PERSON_BODY}`,
  ],
  // Overdose, as noun or verb in any form, or an amount taken that reads as one.
  overdose: [
    `overdose|overdosed|overdosing|overdoses !on|of`,
    `overdose|overdosed|overdosing|overdoses on|of my|${PILLS}|sleeping|heroin|drugs|alcohol|purpose|${WEEKDAYS}`,
    `take|took|taking|swallow|swallowed|down|downed * all|whole|handful|bunch|lot|load|loads|extra|too|double|entire|bottle|packet|box|# * ${PILLS}|packet|bottle|box|dose`,
    `take|took|taking|swallow|swallowed * all my ${PILLS}`,
    `take|took|taking|swallow|swallowed # ${PILLS}`,
    'stomach pump|pumped',
  ],
};
