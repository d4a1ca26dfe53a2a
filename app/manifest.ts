import type { MetadataRoute } from 'next';

// Tandem installs as an app (a PWA), which is what lets reminders arrive as notifications.
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: 'Tandem',
    short_name: 'Tandem',
    description: 'Check-ins, questionnaires and gentle reminders, shared with your therapist as you choose.',
    start_url: '/',
    display: 'standalone',
    background_color: '#fafaf9',
    theme_color: '#17665a',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  };
}
