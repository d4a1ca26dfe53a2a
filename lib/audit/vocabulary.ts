// The one list of what an audit event can say. The DAL's types, the admin's audit page (labels,
// filter, CSV export) and the client's access log all derive from it, so adding an action is one
// line here and the compiler points at every place that must say something about it.

type SubjectWording = {
  /** The admin's column heading for this kind of data. */
  label: string;
  /** How the client's access log names it ("Tried to open your journal."). */
  clientWords: string;
};

/** What kind of data an event concerns. Events never hold the data itself. */
export const AUDIT_SUBJECTS = {
  check_ins: { label: 'Check-ins', clientWords: 'your check-ins' },
  measures: { label: 'Questionnaires', clientWords: 'your questionnaire answers' },
  journal: { label: 'Journal', clientWords: 'your journal' },
  insights: { label: 'Insights', clientWords: 'the patterns found in your check-ins' },
  alerts: { label: 'Urgent alerts', clientWords: 'a safety alert about you' },
  session_notes: { label: 'Session notes', clientWords: 'session notes about you' },
  private_notes: { label: 'Private notes', clientWords: 'a therapist’s private working notes' },
  care_plan: { label: 'Care plan', clientWords: 'your care plan' },
  consent: { label: 'Sharing', clientWords: 'your sharing choices' },
  account: { label: 'Account', clientWords: 'your account details' },
  clinic: { label: 'Clinic', clientWords: 'the clinic’s settings' },
  caseload: { label: 'Caseload', clientWords: 'a summary of you on their caseload' },
  audit_log: { label: 'Audit log', clientWords: 'the record of who saw your data' },
  companion: { label: 'Companion', clientWords: 'what you saved or shared from the companion' },
} as const satisfies Record<string, SubjectWording>;

export type AuditSubject = keyof typeof AUDIT_SUBJECTS;

type ActionWording = {
  /** The admin's words for the action, in the audit log and its filter. */
  label: string;
  /** What the client reads when a staff member did it ("Viewed your check-ins."). */
  accessLog: string;
};

/** Every action Tandem records, as `area.verb`. */
export const AUDIT_ACTIONS = {
  'account.sign_in': { label: 'Signed in', accessLog: 'Signed in.' },
  'account.end_sessions': { label: 'Signed out everywhere', accessLog: 'Signed out everywhere.' },
  'account.sign_out': { label: 'Signed out', accessLog: 'Signed out.' },
  'account.change_password': { label: 'Changed the password', accessLog: 'Changed your password.' },
  'account.enable_two_factor': { label: 'Turned on two-factor sign-in', accessLog: 'Turned on two-factor sign-in.' },
  'account.disable_two_factor': { label: 'Turned off two-factor sign-in', accessLog: 'Turned off two-factor sign-in.' },
  'account.reset_two_factor': { label: 'Reset a colleague’s two-factor sign-in', accessLog: 'Reset two-factor sign-in.' },
  'account.use_backup_code': { label: 'Signed in with a backup code', accessLog: 'Signed in with a backup code.' },
  'account.onboard': { label: 'Finished the welcome steps', accessLog: 'Finished the welcome steps.' },
  'account.update_time_zone': { label: 'Changed the time zone', accessLog: 'Changed your time zone.' },
  'account.update_phone': { label: 'Changed the phone number', accessLog: 'Changed your phone number.' },
  'account.delete': { label: 'Deleted the account', accessLog: 'Deleted your account.' },
  'account.export_csv': { label: 'Exported own data (CSV)', accessLog: 'Exported your data as CSV.' },
  'account.export_json': { label: 'Exported own data (JSON)', accessLog: 'Exported your data as JSON.' },
  'account.export_fhir': { label: 'Exported own data (FHIR)', accessLog: 'Exported your data as FHIR.' },
  'alerts.create': { label: 'Urgent alert raised', accessLog: 'Raised a safety alert about you.' },
  'alerts.read': { label: 'Read urgent alerts', accessLog: 'Viewed a safety alert about you.' },
  'alerts.notify': {
    label: 'Emailed a therapist about a new alert',
    accessLog: 'Emailed your therapist that a safety alert about you needs attention.',
  },
  'alerts.escalate': {
    label: 'Emailed about an alert still waiting',
    accessLog: 'Emailed your therapist and the clinic’s admins that a safety alert about you is still waiting.',
  },
  'alerts.escalations_read': { label: 'Viewed alert emails sent', accessLog: 'Viewed which alert emails were sent.' },
  'alerts.acknowledge': { label: 'Acknowledged an urgent alert', accessLog: 'Recorded what they did about a safety alert about you.' },
  'audit_log.read': { label: 'Read own access log', accessLog: 'Viewed the record of who saw your data.' },
  'audit_log.view': { label: 'Viewed the audit log', accessLog: 'Viewed the record of who saw your data.' },
  'audit_log.export': { label: 'Exported the audit log', accessLog: 'Exported the record of who saw your data.' },
  'audit_log.export_checkpoints': {
    label: 'Exported signed audit checkpoints',
    accessLog: 'Exported signed checkpoints of the record of who saw your data.',
  },
  'audit_log.verify': { label: 'Checked the audit chain', accessLog: 'Checked the record of who saw your data.' },
  'brief.view': { label: 'Viewed the since-last-session brief', accessLog: 'Viewed a summary of you since your last session.' },
  'care_plan.read': { label: 'Read a care plan', accessLog: 'Viewed your care plan.' },
  'care_plan.save': { label: 'Saved a care plan', accessLog: 'Saved your care plan.' },
  'caseload.view': { label: 'Viewed a caseload', accessLog: 'Viewed a summary of you on their caseload.' },
  'caseload.view_history': { label: 'Viewed a client’s assignment history', accessLog: 'Viewed who your therapists have been.' },
  'caseload.view_unassigned': {
    label: 'Viewed clients without a therapist',
    accessLog: 'Viewed the list of clients waiting for a therapist.',
  },
  'caseload.view_dismissed_urgent': {
    label: 'Viewed dismissed urgent signals',
    accessLog: 'Viewed that a safety signal about you was dismissed.',
  },
  'caseload.assign': { label: 'Assigned a client', accessLog: 'Assigned you a therapist.' },
  'caseload.reassign': { label: 'Reassigned a client', accessLog: 'Assigned you a new therapist.' },
  'caseload.unassign': { label: 'Ended an assignment', accessLog: 'Ended your assignment to a therapist.' },
  'caseload.set_capacity': { label: 'Changed a caseload’s capacity', accessLog: 'Changed a therapist’s caseload size.' },
  'check_ins.create': { label: 'Added a check-in', accessLog: 'Added a check-in.' },
  'check_ins.update': { label: 'Changed a check-in', accessLog: 'Changed a check-in.' },
  'check_ins.delete': { label: 'Deleted a check-in', accessLog: 'Deleted a check-in.' },
  'check_ins.import': { label: 'Imported check-ins', accessLog: 'Imported check-ins.' },
  'check_ins.read': { label: 'Read check-ins', accessLog: 'Viewed your check-ins.' },
  'check_ins.export': { label: 'Exported check-ins', accessLog: 'Exported your check-ins.' },
  'client.view': { label: 'Opened a client’s page', accessLog: 'Opened your page.' },
  'client.export': { label: 'Exported a client’s record (FHIR)', accessLog: 'Exported the data you share, as FHIR.' },
  'clinic.view': { label: 'Viewed the clinic', accessLog: 'Viewed the clinic’s overview.' },
  'clinic.allow_companion_model': {
    label: 'Allowed the companion’s language model',
    accessLog: 'Allowed the clinic’s language model to phrase the companion’s replies.',
  },
  'clinic.forbid_companion_model': {
    label: 'Turned off the companion’s language model',
    accessLog: 'Turned off the clinic’s language model for the companion.',
  },
  'clinic.update_sign_in_settings': { label: 'Changed sign-in settings', accessLog: 'Changed the clinic’s sign-in settings.' },
  'clinic.update_settings': { label: 'Changed clinic settings', accessLog: 'Changed the clinic’s settings.' },
  'companion.message': { label: 'Talked with the companion', accessLog: 'Talked with the companion.' },
  'companion.create': { label: 'Saved from the companion', accessLog: 'Saved something from the companion.' },
  'companion.list': { label: 'Listed shared companion items', accessLog: 'Viewed what you shared from the companion.' },
  'companion.read': { label: 'Read shared companion items', accessLog: 'Viewed what you saved or shared from the companion.' },
  'companion.share_transcript': {
    label: 'Shared a companion conversation',
    accessLog: 'Recorded that you shared a companion conversation.',
  },
  'companion.unshare_transcript': {
    label: 'Stopped sharing a companion conversation',
    accessLog: 'Recorded that you stopped sharing a companion conversation.',
  },
  'companion.plan_reminder': {
    label: 'Set a reminder for a companion plan',
    accessLog: 'Set a reminder for a small thing planned with the companion.',
  },
  'companion.cancel_reminder': {
    label: 'Cancelled a reminder for a companion plan',
    accessLog: 'Cancelled a reminder for a small thing planned with the companion.',
  },
  'consent.view': { label: 'Viewed sharing choices', accessLog: 'Viewed your sharing choices.' },
  'consent.grant': { label: 'Shared a kind of data', accessLog: 'Recorded a sharing choice.' },
  'consent.revoke': { label: 'Stopped sharing a kind of data', accessLog: 'Recorded that you stopped sharing.' },
  'consent.review': { label: 'Reviewed sharing choices', accessLog: 'Reviewed your sharing choices.' },
  'insight.review': { label: 'Reviewed a signal', accessLog: 'Reviewed a pattern found in your check-ins.' },
  'insight.dismiss_urgent': { label: 'Dismissed an urgent signal', accessLog: 'Reviewed a safety signal about you.' },
  'insights.read': { label: 'Read signals', accessLog: 'Viewed the patterns found in your check-ins.' },
  'insights.recompute': { label: 'Recomputed signals', accessLog: 'Updated the patterns found in your check-ins.' },
  'invitation.create': { label: 'Sent an invitation', accessLog: 'Invited someone to the clinic.' },
  'invitation.revoke': { label: 'Withdrew an invitation', accessLog: 'Withdrew an invitation.' },
  'journal.create': { label: 'Wrote a journal entry', accessLog: 'Wrote a journal entry.' },
  'journal.update': { label: 'Changed a journal entry', accessLog: 'Changed a journal entry.' },
  'journal.read': { label: 'Read journal entries', accessLog: 'Viewed your journal.' },
  'measures.create': { label: 'Answered a questionnaire', accessLog: 'Added questionnaire answers.' },
  'measures.read': { label: 'Read questionnaires', accessLog: 'Viewed your questionnaire answers.' },
  'measures.export': { label: 'Exported questionnaires', accessLog: 'Exported your questionnaire answers.' },
  'note.view': { label: 'Read a session note', accessLog: 'Viewed session notes about you.' },
  'note.save': { label: 'Saved a session note', accessLog: 'Saved session notes about you.' },
  'note.sign': { label: 'Signed a session note', accessLog: 'Signed session notes about you.' },
  'note.addendum': { label: 'Added an addendum', accessLog: 'Added an addendum to session notes about you.' },
  'note.delete': { label: 'Deleted a draft note', accessLog: 'Deleted a draft of session notes about you.' },
  'private_note.view': { label: 'Read a private note', accessLog: 'Viewed their private working notes.' },
  'private_note.save': { label: 'Saved a private note', accessLog: 'Saved their private working notes.' },
  'pauses.read': { label: 'Viewed breaks', accessLog: 'Viewed your breaks.' },
  'pauses.create': { label: 'Declared a break', accessLog: 'Recorded a break.' },
  'pauses.cancel': { label: 'Ended a break', accessLog: 'Ended a break.' },
  'people.view': { label: 'Viewed people', accessLog: 'Viewed the clinic’s people.' },
  'people.deactivate': { label: 'Deactivated a person', accessLog: 'Deactivated an account.' },
  'people.reactivate': { label: 'Reactivated a person', accessLog: 'Reactivated an account.' },
  'reminders.update': { label: 'Changed reminder settings', accessLog: 'Changed your reminder settings.' },
  'reminders.push_on': { label: 'Turned on push notifications', accessLog: 'Turned on push notifications on a device.' },
  'reminders.push_off': { label: 'Turned off push notifications', accessLog: 'Turned off push notifications on a device.' },
  'reminders.read': { label: 'Read reminder health', accessLog: 'Viewed whether your reminders are on and reaching you.' },
  'timeline.read': { label: 'Read the timeline', accessLog: 'Viewed your check-ins over time.' },
} as const satisfies Record<`${string}.${string}`, ActionWording>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

/** Names stored by earlier versions, read as the action they now have. */
const RETIRED_ACTIONS: Record<string, AuditAction> = { 'account.time_zone': 'account.update_time_zone' };

/** The registry entry of a stored action name, or null for one Tandem never wrote. */
export function auditActionOf(stored: string): AuditAction | null {
  if (stored in AUDIT_ACTIONS) return stored as AuditAction;
  return RETIRED_ACTIONS[stored] ?? null;
}

export function auditSubjectOf(stored: string): AuditSubject | null {
  return stored in AUDIT_SUBJECTS ? (stored as AuditSubject) : null;
}

/** The sentence a client reads in their access log for one event by a staff member. */
export function accessLogSentence(event: { action: AuditAction | null; subject: string; outcome: keyof typeof outcomeLabel }): string {
  const subject = auditSubjectOf(event.subject);
  const what = subject ? AUDIT_SUBJECTS[subject].clientWords : 'your data';
  if (event.outcome === 'denied') return `Tried to open ${what}. Nothing was shown, because you do not share it.`;
  if (event.outcome === 'failed') return `Tried to open ${what}, but it failed. Nothing was shown.`;
  return event.action ? AUDIT_ACTIONS[event.action].accessLog : `Looked at ${what}.`;
}

export const outcomeLabel = { allowed: 'Allowed', denied: 'Denied', failed: 'Failed' } as const;

/** The admin's words for a stored action; a name Tandem never wrote is shown as stored. */
export function actionLabel(stored: string): string {
  const action = auditActionOf(stored);
  return action ? AUDIT_ACTIONS[action].label : stored;
}

/** The admin's words for a stored kind of data; one Tandem never wrote is shown as stored. */
export function subjectLabel(stored: string): string {
  const subject = auditSubjectOf(stored);
  return subject ? AUDIT_SUBJECTS[subject].label : stored;
}
