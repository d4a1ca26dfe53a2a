import { eq, inArray } from 'drizzle-orm';
import { encryptText } from '@/lib/crypto/aes-gcm';
import { totpContext } from '@/lib/crypto/note-contexts';
import { loadSecrets } from '@/lib/secret-sources';
import type { Transaction } from '../index';
import * as schema from '../schema';
import { demoClinic, harbourClinic } from './personas';

// The demo's two-factor key, printed with the demo logins so anyone can add it to an app and see
// the flow. A demo value only: real keys are random (lib/auth/totp.ts) and never printed.
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
export const DEMO_TWO_FACTOR_EMAIL = 'admin@harbour.tandem.test';

/**
 * Sign-in settings of the demo: both demo clinics leave two-factor optional, so every demo login
 * works with the password alone (staff see a banner inviting them to set it up), and Harbour's
 * admin has it on with the demo key.
 */
export async function seedFrontDoor(tx: Transaction): Promise<void> {
  await tx
    .update(schema.clinics)
    .set({ requireTwoFactor: false })
    .where(inArray(schema.clinics.name, [demoClinic.name, harbourClinic.name]));
  const [admin] = await tx.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, DEMO_TWO_FACTOR_EMAIL));
  if (!admin) throw new Error(`The demo has no ${DEMO_TWO_FACTOR_EMAIL}`);
  await tx
    .update(schema.users)
    .set({
      totpSecretCiphertext: encryptText(DEMO_TOTP_SECRET, loadSecrets().encryptionKey, totpContext(admin.id)),
      totpEnabledAt: new Date(),
    })
    .where(eq(schema.users.id, admin.id));
}
