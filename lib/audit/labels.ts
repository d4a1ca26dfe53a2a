/** Plain words for what kind of data an audit event concerns. */
export const subjectLabel: Record<string, string> = {
  check_ins: 'Check-ins',
  measures: 'Questionnaires',
  journal: 'Journal',
  insights: 'Insights',
  alerts: 'Urgent alerts',
  session_notes: 'Session notes',
  private_notes: 'Private notes',
  care_plan: 'Care plan',
  consent: 'Sharing',
  account: 'Account',
  clinic: 'Clinic',
  caseload: 'Caseload',
  audit_log: 'Audit log',
  companion: 'Companion',
};

export const outcomeLabel = { allowed: 'Allowed', denied: 'Denied', failed: 'Failed' } as const;
