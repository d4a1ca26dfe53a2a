import { DEMO_TOTP_SECRET, DEMO_TWO_FACTOR_EMAIL } from './front-door';
import { DEMO_PASSWORD, demoClinic, harbourClinic, type ClinicPersonas } from './personas';

function describe(clinic: ClinicPersonas): string[] {
  const people = [
    ...clinic.admins.map((p) => [p.email, `clinic admin, ${p.name}`]),
    ...clinic.therapists.map((p) => [p.email, `therapist, ${p.name}`]),
    ...clinic.clients.slice(0, clinic.key === 'demo' ? 1 : clinic.clients.length).map((p) => [p.email, `client, ${p.name}`]),
  ];
  return [`  ${clinic.name}`, ...people.map(([email, who]) => `    ${email?.padEnd(34)} ${who}`)];
}

export function demoLoginsText(): string {
  return [
    'Demo logins (password for all: ' + DEMO_PASSWORD + '):',
    ...describe(demoClinic),
    `    …and ${demoClinic.clients.length - 1} more clients (README lists them)`,
    ...describe(harbourClinic),
    `Two-factor: ${DEMO_TWO_FACTOR_EMAIL} also asks for a code. Add this key to an authenticator app`,
    `(time-based, 6 digits): ${DEMO_TOTP_SECRET}`,
  ].join('\n');
}
