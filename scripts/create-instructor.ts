// Creates an instructor account, for a school admin:
//   npm run create-instructor -- --email a@b.example --name "A B"
// The password is read from stdin when it is piped (`printf '%s' "$PW" | npm run ...`),
// otherwise prompted for twice without echo. It must be at least 12 characters.
// Uses the configured database (DATABASE_URL or DATA_DIR), migrating it first if needed.
import { createInterface } from 'node:readline';
import { createAuth, MIN_PASSWORD_LENGTH } from '../lib/server/auth';
import { configuredDatabaseTarget, createDb } from '../lib/server/db/client';
import { migrateToLatest } from '../lib/server/db/migrate';

const USAGE =
  'usage: npm run create-instructor -- --email <address> --name "<full name>"  (password on stdin or prompted)';

function flag(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(`--${name}`);
  const value = at === -1 ? undefined : args[at + 1];
  return value === undefined || value.startsWith('--') ? undefined : value;
}

async function readPipedPassword(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** Asks for a line without echoing what is typed. */
function askHidden(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const output = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
  let prompted = false;
  output._writeToOutput = (s: string) => {
    if (!prompted) {
      process.stdout.write(s);
      prompted = true;
    }
  };
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readPipedPassword();
  const first = await askHidden(`Password (at least ${MIN_PASSWORD_LENGTH} characters): `);
  const second = await askHidden('Repeat the password: ');
  if (first !== second) throw new Error('the two passwords differ');
  return first;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const email = flag(args, 'email');
  const name = flag(args, 'name');
  if (!email || !name) {
    console.error(`create-instructor: missing --email or --name\n${USAGE}`);
    return 2;
  }
  const password = await readPassword();
  if (password.length < MIN_PASSWORD_LENGTH) {
    console.error(`create-instructor: the password must be at least ${MIN_PASSWORD_LENGTH} characters`);
    return 1;
  }
  const db = createDb(configuredDatabaseTarget());
  try {
    const migrated = await migrateToLatest(db);
    if (migrated.error) throw migrated.error;
    const address = email.trim().toLowerCase();
    // better-auth answers a sign-up for a taken address as if it worked (so that sign-up
    // cannot be used to find accounts); an admin needs to be told.
    const taken = await db.selectFrom('user').select('id').where('email', '=', address).executeTakeFirst();
    if (taken) {
      console.error(`create-instructor: an account for ${address} already exists`);
      return 1;
    }
    const auth = createAuth(db, { allowSignUp: true });
    const { user } = await auth.api.signUpEmail({ body: { email: address, password, name: name.trim() } });
    console.log(`create-instructor: created ${user.email} (${user.name}); they can now sign in.`);
    return 0;
  } finally {
    await db.destroy();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`create-instructor: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
