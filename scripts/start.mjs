// `npm start`: builds the app when needed, prepares the embedded database, and serves.
// Flags: --no-build (serve the existing build), --hostname H. PORT sets the port (3000).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const args = process.argv.slice(2);
const skipBuild = args.includes('--no-build');
const hostIndex = args.indexOf('--hostname');
const hostname = hostIndex >= 0 ? args[hostIndex + 1] : undefined;

function run(label, command, commandArgs) {
  const result = spawnSync(command, commandArgs, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`close-read: ${label} failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
}

const distDir = process.env.NEXT_DIST_DIR || '.next';
if (!skipBuild || !existsSync(`${distDir}/BUILD_ID`)) run('build', 'npm', ['run', '--silent', 'build']);
if (existsSync('scripts/migrate.ts')) {
  run('database migration', process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/migrate.ts']);
}

// scripts/server.mjs: Next.js, with the prerendered pages answered from memory (decision 15).
const serveArgs = ['scripts/server.mjs'];
if (hostname) serveArgs.push('--hostname', hostname);
const server = spawn(process.execPath, serveArgs, { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
