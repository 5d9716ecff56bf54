import createMDX from '@next/mdx';

/** @type {import('next').NextConfig} */
const nextConfig = {
  pageExtensions: ['ts', 'tsx', 'md', 'mdx'],
  poweredByHeader: false,
  // A second build (the key-leak test) goes to its own folder so it never replaces the main one.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  reactStrictMode: true,
  async headers() {
    // The security headers that are the same on every response. The page CSP carries a
    // per-request nonce and is set in proxy.ts; a server action's or an /api route's answer is
    // data, so its CSP allows nothing.
    const development = process.env.NODE_ENV === 'development';
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()' },
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
          ...(development ? [] : [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }]),
        ],
      },
      {
        source: '/:path*',
        has: [{ type: 'header', key: 'next-action' }],
        headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" }],
      },
      {
        // The JSON route handlers (POST /api/submissions) answer with data too.
        source: '/api/:path*',
        headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
  // The workbook reads its content (seeds, keys, lessons) from disk on the server.
  outputFileTracingIncludes: { '/**': ['./content/**/*', './seeds/**/*'] },
};

const withMDX = createMDX({
  options: {
    // Under Turbopack, plugins are named as strings so the options stay serializable.
    remarkPlugins: [
      ['remark-frontmatter', ['yaml']],
      ['remark-gfm', {}],
    ],
  },
});

export default withMDX(nextConfig);
