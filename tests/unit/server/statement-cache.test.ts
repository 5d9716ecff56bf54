import Database from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { withStatementCache } from '@/lib/server/db/statement-cache';

describe('the SQLite statement cache', () => {
  let sqlite: Database.Database;
  let prepared: string[];
  const cached = () => {
    sqlite = new Database(':memory:');
    prepared = [];
    const counting: SqliteDatabase = {
      close: () => sqlite.close(),
      prepare: (sql) => {
        prepared.push(sql);
        return sqlite.prepare(sql);
      },
    };
    return withStatementCache(counting);
  };
  afterEach(() => {
    if (sqlite.open) sqlite.close();
  });

  it('prepares each SQL text once and gives the same answers on reuse', () => {
    const db = cached();
    db.prepare('create table t (id integer primary key, v text)').run([]);
    const insert = 'insert into t (v) values (?)';
    for (const v of ['a', 'b', 'c']) db.prepare(insert).run([v]);
    expect(db.prepare('select v from t where id > ? order by id').all([1])).toEqual([{ v: 'b' }, { v: 'c' }]);
    expect(db.prepare('select v from t where id > ? order by id').all([2])).toEqual([{ v: 'c' }]);
    expect(prepared.filter((sql) => sql === insert)).toHaveLength(1);
    expect(prepared).toHaveLength(3);
  });

  it('a statement that failed (a constraint) runs again, and a kept statement sees a migrated table', () => {
    const db = cached();
    db.prepare('create table t (id integer primary key, v text not null unique)').run([]);
    const insert = 'insert into t (v) values (?)';
    db.prepare(insert).run(['a']);
    expect(() => db.prepare(insert).run(['a'])).toThrow(/UNIQUE/);
    db.prepare(insert).run(['b']);
    const select = 'select * from t order by id';
    expect(db.prepare(select).all([])).toEqual([
      { id: 1, v: 'a' },
      { id: 2, v: 'b' },
    ]);
    db.prepare("alter table t add column w text not null default 'x'").run([]);
    expect(db.prepare(select).all([])).toEqual([
      { id: 1, v: 'a', w: 'x' },
      { id: 2, v: 'b', w: 'x' },
    ]);
  });

  it('keeps at most 1,000 texts, dropping the oldest', () => {
    const db = cached();
    for (let i = 0; i <= 1_000; i++) db.prepare(`select ${i} as n`);
    db.prepare('select 1000 as n');
    db.prepare('select 0 as n');
    expect(prepared.filter((sql) => sql === 'select 0 as n')).toHaveLength(2);
    expect(prepared.filter((sql) => sql === 'select 1000 as n')).toHaveLength(1);
  });
});
