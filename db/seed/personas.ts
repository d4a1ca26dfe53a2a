// The people of the demo clinics. Every demo login uses the same password.
export const DEMO_PASSWORD = 'demo-tandem-pass';

export type Pattern = 'decline' | 'shift' | 'improvement' | 'disengaged' | 'volatile' | 'stable' | 'ordinary';
export type ConsentState = 'all' | 'some' | 'revoked' | 'expired' | 'none';

export type ClientPersona = {
  email: string;
  name: string;
  therapist: string | null;
  pattern: Pattern;
  consent: ConsentState;
  timeZone?: string;
  /** Numbers in Ofcom's range reserved for drama (07700 900000–900999): they reach nobody. */
  phone?: string;
  note?: string;
  /** Has not checked in yet today, whatever day the demo is seeded on. */
  notYetToday?: boolean;
};

export type ClinicPersonas = {
  key: 'demo' | 'harbour';
  name: string;
  timeZone: string;
  admins: { email: string; name: string }[];
  therapists: { email: string; name: string; capacity: number }[];
  clients: ClientPersona[];
};

const t1 = 'therapist@demo.tandem.test';
const t2 = 'jordan@demo.tandem.test';
const t3 = 'priya@demo.tandem.test';

export const demoClinic: ClinicPersonas = {
  key: 'demo',
  name: 'Riverside Therapy Collective',
  timeZone: 'Europe/London',
  admins: [{ email: 'admin@demo.tandem.test', name: 'Morgan Lee' }],
  therapists: [
    { email: t1, name: 'Sam Rivera', capacity: 14 },
    { email: t2, name: 'Jordan Okafor', capacity: 10 },
    { email: t3, name: 'Priya Nair', capacity: 8 },
  ],
  clients: [
    {
      email: 'client@demo.tandem.test',
      name: 'Riley Chen',
      therapist: t1,
      pattern: 'decline',
      consent: 'all',
      phone: '+44 7700 900101',
      note: 'gradual decline over the last five weeks; shares everything',
    },
    {
      email: 'jamie@demo.tandem.test',
      name: 'Jamie Park',
      therapist: t1,
      pattern: 'shift',
      consent: 'all',
      phone: '+44 7700 900123',
      note: 'sudden drop three weeks ago; answered PHQ-9 item 9 above 0 two days ago',
    },
    {
      email: 'noor@demo.tandem.test',
      name: 'Noor Haddad',
      therapist: t1,
      pattern: 'improvement',
      consent: 'all',
      note: 'steady improvement over three months',
    },
    {
      email: 'theo@demo.tandem.test',
      name: 'Theo Walsh',
      therapist: t1,
      pattern: 'disengaged',
      consent: 'all',
      note: 'stopped logging twelve days ago; measures overdue',
    },
    {
      email: 'ana@demo.tandem.test',
      name: 'Ana Souza',
      therapist: t1,
      pattern: 'volatile',
      consent: 'all',
      timeZone: 'Europe/Lisbon',
      note: 'mood swings widened this month; lives in Lisbon',
    },
    {
      email: 'ben@demo.tandem.test',
      name: 'Ben Okoro',
      therapist: t1,
      pattern: 'stable',
      consent: 'all',
      note: 'stable: nothing alarming to find',
    },
    {
      email: 'chloe@demo.tandem.test',
      name: 'Chloe Martin',
      therapist: t1,
      pattern: 'ordinary',
      consent: 'some',
      note: 'shares check-ins and measures, not the journal',
    },
    {
      email: 'dev@demo.tandem.test',
      name: 'Dev Patel',
      therapist: t1,
      pattern: 'ordinary',
      consent: 'revoked',
      note: 'revoked check-ins ten days ago',
    },
    {
      email: 'ellie@demo.tandem.test',
      name: 'Ellie Brooks',
      therapist: t1,
      pattern: 'ordinary',
      consent: 'expired',
      note: 'sharing ended five days ago',
    },
    {
      email: 'farah@demo.tandem.test',
      name: 'Farah Aziz',
      therapist: t1,
      pattern: 'ordinary',
      consent: 'none',
      note: 'shares nothing yet',
    },
    {
      email: 'gus@demo.tandem.test',
      name: 'Gus Lindqvist',
      therapist: t1,
      pattern: 'ordinary',
      consent: 'all',
      note: 'moved from Jordan Okafor to Sam Rivera',
    },
    { email: 'hana@demo.tandem.test', name: 'Hana Kim', therapist: t1, pattern: 'ordinary', consent: 'some' },
    {
      email: 'ivy@demo.tandem.test',
      name: 'Ivy Ross',
      therapist: t2,
      pattern: 'ordinary',
      consent: 'all',
      notYetToday: true,
      note: 'checks in most evenings; not yet today',
    },
    { email: 'jack@demo.tandem.test', name: 'Jack Turner', therapist: t2, pattern: 'ordinary', consent: 'some' },
    { email: 'kai@demo.tandem.test', name: 'Kai Moreno', therapist: t2, pattern: 'stable', consent: 'all', phone: '+44 7700 900456' },
    { email: 'lena@demo.tandem.test', name: 'Lena Fischer', therapist: t2, pattern: 'ordinary', consent: 'revoked' },
    { email: 'marco@demo.tandem.test', name: 'Marco Rossi', therapist: t2, pattern: 'ordinary', consent: 'all' },
    { email: 'nia@demo.tandem.test', name: 'Nia Adams', therapist: t2, pattern: 'ordinary', consent: 'expired' },
    { email: 'omar@demo.tandem.test', name: 'Omar Farouk', therapist: t2, pattern: 'ordinary', consent: 'all' },
    { email: 'pia@demo.tandem.test', name: 'Pia Larsen', therapist: t3, pattern: 'ordinary', consent: 'all' },
    { email: 'quinn@demo.tandem.test', name: 'Quinn Murphy', therapist: t3, pattern: 'stable', consent: 'some' },
    { email: 'rosa@demo.tandem.test', name: 'Rosa Diaz', therapist: t3, pattern: 'ordinary', consent: 'all' },
    { email: 'sami@demo.tandem.test', name: 'Sami Virtanen', therapist: t3, pattern: 'ordinary', consent: 'none' },
    {
      email: 'tess@demo.tandem.test',
      name: 'Tess Young',
      therapist: null,
      pattern: 'ordinary',
      consent: 'none',
      note: 'new client, not yet assigned',
    },
  ],
};

// A second clinic, so isolation can be seen in the demo too.
export const harbourClinic: ClinicPersonas = {
  key: 'harbour',
  name: 'Harbour Counselling',
  timeZone: 'America/New_York',
  admins: [{ email: 'admin@harbour.tandem.test', name: 'Ola Berg' }],
  therapists: [{ email: 'therapist@harbour.tandem.test', name: 'Uma Reyes', capacity: 10 }],
  clients: [
    {
      email: 'client@harbour.tandem.test',
      name: 'Vic Stone',
      therapist: 'therapist@harbour.tandem.test',
      pattern: 'ordinary',
      consent: 'all',
      timeZone: 'America/New_York',
    },
    {
      email: 'wren@harbour.tandem.test',
      name: 'Wren Hall',
      therapist: 'therapist@harbour.tandem.test',
      pattern: 'stable',
      consent: 'all',
      timeZone: 'America/New_York',
    },
  ],
};

/** The client who moved therapist, and the one they left. */
export const reassignment = { client: 'gus@demo.tandem.test', from: t2 } as const;
/** The client whose latest PHQ-9 answered item 9 above 0. */
export const item9Client = 'jamie@demo.tandem.test';
