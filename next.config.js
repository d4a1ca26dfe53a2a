/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly build and data files at run time: keep it out of the bundle.
  // wink-nlp's English model is several megabytes of data read once at start-up (lib/clinical/risk-language.ts):
  // Node loads it from node_modules rather than the bundler copying it into every server chunk.
  serverExternalPackages: [
    '@electric-sql/pglite',
    '@node-rs/argon2',
    'rate-limiter-flexible',
    'wink-nlp',
    'wink-eng-lite-web-model',
    'pg-boss',
    'web-push',
  ],
  poweredByHeader: false,
  // The same limit as ACTION_BODY_LIMIT in lib/http/guards.ts, which proxy.ts answers with a 413.
  experimental: { serverActions: { bodySizeLimit: '1mb' } },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
    ];
  },
};

export default nextConfig;
