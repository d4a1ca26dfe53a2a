'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';

export function SignOutButton() {
  const [isSigningOut, setIsSigningOut] = useState(false);
  return (
    <button
      type="button"
      onClick={() => {
        setIsSigningOut(true);
        void signOut({ callbackUrl: '/sign-in?reason=signed-out' });
      }}
      disabled={isSigningOut}
      className="rounded-md px-3 py-2 text-sm font-medium text-stone-700 hover:bg-stone-100 disabled:opacity-60"
    >
      {isSigningOut ? 'Signing out…' : 'Sign out'}
    </button>
  );
}
