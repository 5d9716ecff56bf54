import 'server-only';

/**
 * Whether a database error is a unique-constraint violation, on either engine: SQLite
 * (better-sqlite3's SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY) or PostgreSQL (SQLSTATE 23505).
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const code = (error as { code: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
