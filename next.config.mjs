import createMDX from '@next/mdx';

/** @type {import('next').NextConfig} */
const nextConfig = {
  pageExtensions: ['ts', 'tsx', 'md', 'mdx'],
  poweredByHeader: false,
  // A second build (the key-leak test) goes to its own folder so it never replaces the main one.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  reactStrictMode: true,
  async headers() {
    // Static assets skip the proxy: give them the headers that do not depend on a nonce.
    const development = process.env.NODE_ENV === 'development';
    return [
      {
        source: '/_next/static/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          ...(development ? [] : [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }]),
        ],
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
