'use client';

import { secondaryButton } from '@/components/ui/button-styles';

/** Opens the browser's print dialog, where the report can also be saved as PDF; not printed itself. */
export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className={`${secondaryButton} min-h-11 print:hidden`}>
      Print or save as PDF
    </button>
  );
}
