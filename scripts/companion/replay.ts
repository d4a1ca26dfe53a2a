// npm run companion:replay -- FILE [--json]
// Runs a conversation (a text file, one client message per line) through the deterministic
// companion, with no database, model or network, and prints each reply with its kind.
import { readFileSync } from 'node:fs';
import { runConversation, startConversation } from '@/lib/companion/engine';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  console.error('Usage: npm run companion:replay -- FILE [--json]   (FILE: one client message per line)');
  process.exit(2);
}
let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (error) {
  console.error(`Cannot read ${file}: ${(error as Error).message}`);
  process.exit(2);
}
const messages = text
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l.length > 0);
const context = { betterDayTags: [], afterDip: false };
const turns = runConversation(messages, context);

if (asJson) {
  console.log(
    JSON.stringify(
      turns.map((t, i) => ({ turn: i + 1, kind: t.reply.kind, text: t.reply.text, reminderOffer: t.state.reminderOffer ?? null })),
      null,
      2,
    ),
  );
} else {
  console.log(`companion: ${startConversation(context).reply.text}\n`);
  turns.forEach((t, i) => {
    console.log(`${i + 1}. client: ${messages[i]}`);
    console.log(`   companion [${t.reply.kind}]: ${t.reply.text}`);
    // The app shows the one-off reminder form under this reply (nothing is set unless the client presses it).
    const offer = t.state.reminderOffer;
    if (offer)
      console.log(`   (reminder offered for "${offer.activity}"${offer.suggestedTime ? `, time filled in: ${offer.suggestedTime}` : ''})`);
    console.log('');
  });
}
