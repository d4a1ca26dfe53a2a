'use client';

import { useSyncExternalStore } from 'react';
import { confirmTimeZone } from '@/app/(client)/check-in/actions';
import { deviceTimeZone } from '@/lib/dates/device';

/** Says which time zone the client's days are counted in, and offers this device's when it differs. */
export function TimeZoneNote({ timeZone }: { timeZone: string }) {
  const device = useSyncExternalStore(
    () => () => {},
    deviceTimeZone,
    () => null,
  );
  return (
    <div className="text-sm text-stone-600">
      <p>Your days are counted in {timeZone.replaceAll('_', ' ')} time.</p>
      {device && device !== timeZone && (
        <form action={confirmTimeZone} className="mt-1 flex flex-wrap items-center gap-2">
          <input type="hidden" name="timeZone" value={device} />
          <span>This device is set to {device.replaceAll('_', ' ')}.</span>
          <button
            type="submit"
            className="rounded-md border border-stone-300 bg-white px-3 py-2 font-medium text-stone-800 hover:bg-stone-100"
          >
            Use {device.replaceAll('_', ' ')}
          </button>
        </form>
      )}
    </div>
  );
}
