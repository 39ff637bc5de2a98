import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const MIGRATIONS = resolve(import.meta.dirname, '../../../drizzle/migrations');

// A database that lived before 0002 already holds entries; 0002 must count them into leaderboard_totals.
test('migration 0002 backfills leaderboard_totals from the entries already stored', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arena-mig-'));
  try {
    const before = join(dir, 'before');
    cpSync(MIGRATIONS, before, { recursive: true });
    const journalFile = join(before, 'meta/_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
    journal.entries = journal.entries.filter((e) => e.tag < '0002');
    writeFileSync(journalFile, JSON.stringify(journal));
    const sqlite = new Database(join(dir, 'arena.db'));
    const db = drizzle(sqlite);
    migrate(db, { migrationsFolder: before });
    sqlite.exec(`insert into players (id, nickname, token_hash, created_at) values ('a','A','ha',0), ('b','B','hb',0), ('c','C','hc',0);
      insert into submissions (id, challenge_id, player_id, spec_json, weights, param_count, status, created_at)
        values ('s1','x','a','{}',x'00',1,'scored',0), ('s2','x','b','{}',x'00',1,'scored',0), ('s3','y','c','{}',x'00',1,'scored',0);
      insert into leaderboard_entries (challenge_id, player_id, submission_id, score, param_count, submitted_at)
        values ('x','a','s1',0.5,1,0), ('x','b','s2',0.6,1,0), ('y','c','s3',0.7,1,0);`);
    migrate(db, { migrationsFolder: MIGRATIONS });
    const totals = sqlite.prepare('select challenge_id as c, players as n from leaderboard_totals order by c').all();
    assert.deepEqual(totals, [
      { c: 'x', n: 2 },
      { c: 'y', n: 1 },
    ]);
    const idx = sqlite.prepare("select name from pragma_index_info('leaderboard_rank_idx') order by seqno").all() as { name: string }[];
    assert.deepEqual(idx.map((r) => r.name), ['challenge_id', 'score', 'submitted_at', 'player_id']);
    sqlite.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
