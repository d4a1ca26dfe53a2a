import type { NavItem } from '@/components/ui/app-shell';

// Support is not listed: the shell's "Get help now" link, on every client page, leads there.
export const clientNav: NavItem[] = [
  { href: '/check-in', label: 'Check-in' },
  { href: '/measures', label: 'Questionnaires' },
  { href: '/journal', label: 'Journal' },
  { href: '/companion', label: 'Talk it through' },
  { href: '/history', label: 'History' },
  { href: '/sharing', label: 'Sharing' },
  { href: '/settings', label: 'Settings' },
];
