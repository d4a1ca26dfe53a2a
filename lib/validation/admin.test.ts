import { describe, expect, it } from 'vitest';
import { parseDeactivationForm } from './admin';

const therapistId = '00000000-0000-4000-8000-000000000001';
const [jordan, priya] = ['00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000000b'];
const [ola, pim] = ['00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-0000000000c2'];

function form(entries: [string, string][]) {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

describe('the deactivation step’s form', () => {
  it('sends each client to the therapist chosen for them, else to the one for everyone', () => {
    const parsed = parseDeactivationForm(
      form([['id', therapistId], ['intent', 'reassign'], ['client', ola], ['client', pim], ['everyone', priya], [`therapist-${ola}`, jordan], [`therapist-${pim}`, '']]),
    );
    expect(parsed).toEqual({
      success: true,
      data: { intent: 'reassign', id: therapistId, plan: [{ clientId: ola, therapistId: jordan }, { clientId: pim, therapistId: priya }] },
    });
  });

  it('names each client left without a choice', () => {
    const parsed = parseDeactivationForm(form([['id', therapistId], ['intent', 'reassign'], ['client', ola], ['client', pim], [`therapist-${ola}`, jordan]]));
    expect(parsed).toEqual({ success: false, fieldErrors: { [`therapist-${pim}`]: 'Choose a therapist for this client.' } });
  });

  it('leaves clients unassigned only with the box ticked', () => {
    expect(parseDeactivationForm(form([['id', therapistId], ['intent', 'unassign'], ['client', ola]]))).toMatchObject({
      success: false,
      fieldErrors: { confirmUnassign: expect.stringContaining('Tick the box') },
    });
    expect(parseDeactivationForm(form([['id', therapistId], ['intent', 'unassign'], ['client', ola], ['confirmUnassign', 'yes']]))).toMatchObject({
      success: true,
      data: { intent: 'unassign' },
    });
  });
});
