// Reads the companion's conversation corpus (lib/companion/corpus/*.txt): conversations written by
// hand with the reply kind expected at each client message. Pure: the text in, conversations out.

import { REPLY_KINDS, type CompanionContext, type ReplyKind } from './engine';

export type CorpusTurn = { message: string; expect: ReplyKind; isRisk: boolean };
export type CorpusConversation = { id: string; about: string; context: CompanionContext; turns: CorpusTurn[] };

const isKind = (s: string): s is ReplyKind => (REPLY_KINDS as readonly string[]).includes(s);

export function parseCorpus(text: string): CorpusConversation[] {
  const conversations: CorpusConversation[] = [];
  let current: CorpusConversation | null = null;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    const where = `line ${index + 1}`;
    if (line === '' || (line.startsWith('#') && !line.startsWith('##'))) return;
    if (line.startsWith('## ')) {
      const [id, ...about] = line.slice(3).split(':');
      current = { id: id!.trim(), about: about.join(':').trim(), context: { betterDayTags: [], afterDip: false }, turns: [] };
      conversations.push(current);
      return;
    }
    if (!current) throw new Error(`${where}: a turn before the first "## id: ..." heading`);
    const conversation: CorpusConversation = current;
    if (line.startsWith('@ ')) {
      const setting = line.slice(2).trim();
      if (setting === 'after-dip') conversation.context = { ...conversation.context, afterDip: true };
      else if (setting.startsWith('tags:'))
        conversation.context = {
          ...conversation.context,
          betterDayTags: setting
            .slice(5)
            .split(',')
            .map((t) => t.trim())
            .filter(Boolean),
        };
      else throw new Error(`${where}: unknown setting "${setting}"`);
      return;
    }
    const bar = line.indexOf('|');
    if (bar < 0) throw new Error(`${where}: expected "kind | message"`);
    const label = line.slice(0, bar).trim();
    const message = line.slice(bar + 1).trim();
    const isRisk = label.endsWith('!');
    const expect = isRisk ? label.slice(0, -1) : label;
    if (!isKind(expect) || (isRisk && expect !== 'crisis')) throw new Error(`${where}: unknown kind "${label}"`);
    conversation.turns.push({ message, expect, isRisk });
  });
  return conversations;
}
