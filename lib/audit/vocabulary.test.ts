import { describe, expect, it } from 'vitest';
import { auditQuerySchema } from '@/lib/validation/admin';
import { AUDIT_ACTIONS, AUDIT_SUBJECTS, accessLogSentence, actionLabel, auditActionOf, subjectLabel, type AuditAction } from './vocabulary';

const actions = Object.keys(AUDIT_ACTIONS) as AuditAction[];

describe('the audit vocabulary', () => {
  it.each(actions)('%s has an admin label and access-log wording', (action) => {
    const { label, accessLog } = AUDIT_ACTIONS[action];
    expect(label.trim().length).toBeGreaterThan(3);
    expect(accessLog).toMatch(/^[A-Z].+\.$/);
    expect(actionLabel(action)).toBe(label);
    expect(accessLogSentence({ action, subject: 'check_ins', outcome: 'allowed' })).toBe(accessLog);
  });

  it.each(Object.entries(AUDIT_SUBJECTS))('%s has an admin label and words for the client', (subject, words) => {
    expect(words.label.length).toBeGreaterThan(2);
    expect(words.clientWords.length).toBeGreaterThan(2);
    expect(subjectLabel(subject)).toBe(words.label);
    expect(accessLogSentence({ action: null, subject, outcome: 'denied' })).toContain(words.clientWords);
  });

  it('names every action area.verb in lower case, once', () => {
    for (const action of actions) expect(action).toMatch(/^[a-z_]+\.[a-z_]+$/);
    expect(new Set(actions.map((a) => AUDIT_ACTIONS[a].label)).size).toBe(actions.length);
  });

  it('reads a retired name as the action it became, and leaves unknown names as stored', () => {
    expect(auditActionOf('account.time_zone')).toBe('account.update_time_zone');
    expect(auditActionOf('made.up')).toBeNull();
    expect(actionLabel('made.up')).toBe('made.up');
    expect(subjectLabel('made_up')).toBe('made_up');
  });

  it('lets the admin filter by exactly the actions in the registry', () => {
    for (const action of actions) expect(auditQuerySchema.parse({ action }).action).toBe(action);
    expect(auditQuerySchema.parse({ action: 'made.up' }).action).toBeUndefined();
  });

  it('tells the client plainly when a read was refused or failed', () => {
    expect(accessLogSentence({ action: 'journal.read', subject: 'journal', outcome: 'denied' })).toBe(
      'Tried to open your journal. Nothing was shown, because you do not share it.',
    );
    expect(accessLogSentence({ action: 'journal.read', subject: 'journal', outcome: 'failed' })).toBe(
      'Tried to open your journal, but it failed. Nothing was shown.',
    );
  });
});
