/**
 * The layering rules of game/ and models/, read from the source: game/ may import models/ (the spec
 * vocabulary, shapes, example types, seeded random), models/ never imports game/; everything game/
 * reaches stays free of frameworks, the database, tfjs and Node built-ins, and never reads the clock
 * or Math.random (time and seeds are inputs).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { ModelChallengeId } from '../../../game/challenges';
import type { PresetChallengeId } from '../../../models/presets';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');

// Compile-time: every model challenge has a preset (models/presets.ts keys its records itself).
const everyChallengeHasAPreset: PresetChallengeId = 'sign-digits' as ModelChallengeId;
void everyChallengeHasAPreset;

/** Packages game/ must not reach, directly or through models/. */
const FORBIDDEN_PACKAGE = /^(socket\.io(-client)?|drizzle-orm|better-sqlite3|next|react|react-dom|@tensorflow\/.*|p-queue|node:.*|fs|path|crypto)(\/.*)?$/;
/** Reading the clock or an unseeded random source. */
const IMPURE_CALL = /\bDate\.now\s*\(|\bMath\.random\s*\(|\bperformance\.now\s*\(|\bnew Date\s*\(\s*\)/;

function tsFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return tsFiles(path);
      return /\.tsx?$/.test(name) ? [path] : [];
    });
}

/** Comments out, so a sentence about Math.random or an example import does not count. */
const stripComments = (src: string) => src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

/** Every module specifier a source imports or re-exports (static, side-effect and dynamic imports). */
function specifiers(src: string): string[] {
  const code = stripComments(src);
  const out: string[] = [];
  for (const re of [/\b(?:import|export)\s[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g]) {
    for (const m of code.matchAll(re)) out.push(m[1] as string);
  }
  return out;
}

function resolveRelative(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  return [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), base].find((p) => existsSync(p) && statSync(p).isFile());
}

const rel = (p: string) => relative(ROOT, p).split('\\').join('/');

/** Files reachable from `entries` by relative imports, with the packages each imports. */
function closure(entries: readonly string[]): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const todo = [...entries];
  while (todo.length > 0) {
    const file = todo.pop() as string;
    if (seen.has(file)) continue;
    const specs = specifiers(readFileSync(file, 'utf8'));
    seen.set(file, specs.filter((s) => !s.startsWith('.')));
    for (const s of specs.filter((x) => x.startsWith('.'))) {
      const target = resolveRelative(file, s);
      assert.ok(target, `${rel(file)} imports ${s}, which does not resolve`);
      todo.push(target);
    }
  }
  return seen;
}

const gameFiles = tsFiles(join(ROOT, 'game'));
const modelFiles = tsFiles(join(ROOT, 'models'));

describe('import direction: game/ -> models/, never models/ -> game/', () => {
  test('the scanner finds static, type-only, re-exported and dynamic imports (and ignores comments)', () => {
    const src = `import { a } from './x';\nimport type { B } from "../game/y";\nexport { c } from './z';\nimport './side';\nconst m = await import('../game/lazy');\n// import { no } from '../game/comment';\n/* import '../game/block' */`;
    assert.deepEqual(specifiers(src).sort(), ['../game/lazy', '../game/y', './side', './x', './z']);
  });

  test('no models/ file imports game/', () => {
    const offenders = modelFiles.flatMap((file) =>
      specifiers(readFileSync(file, 'utf8'))
        .filter((s) => s.startsWith('.'))
        .map((s) => resolve(dirname(file), s))
        .filter((target) => rel(target).startsWith('game/'))
        .map((target) => `${rel(file)} -> ${rel(target)}`),
    );
    assert.deepEqual(offenders, []);
  });

  test('game/ does import models/ (the allowed direction is in use, so the check above is not vacuous)', () => {
    const reached = [...closure(gameFiles).keys()].map(rel);
    assert.ok(reached.includes('models/spec.ts'));
    assert.ok(reached.includes('models/challenge-data.ts'));
  });
});

describe('game/ is pure, through everything it imports', () => {
  const reach = closure(gameFiles);

  test('it reaches only game/ and models/ files', () => {
    const outside = [...reach.keys()].map(rel).filter((p) => !p.startsWith('game/') && !p.startsWith('models/'));
    assert.deepEqual(outside, []);
  });

  test('no socket.io, drizzle, SQLite, next, react, tfjs or Node built-ins', () => {
    const bad = [...reach].flatMap(([file, pkgs]) => pkgs.filter((p) => FORBIDDEN_PACKAGE.test(p)).map((p) => `${rel(file)} -> ${p}`));
    assert.deepEqual(bad, []);
    // The pattern itself catches what it is meant to.
    for (const p of ['socket.io', 'drizzle-orm/sqlite-core', 'next/navigation', 'react', '@tensorflow/tfjs', 'node:crypto']) assert.ok(FORBIDDEN_PACKAGE.test(p), p);
    assert.ok(!FORBIDDEN_PACKAGE.test('zod'));
  });

  test('no clock and no Math.random (time and seeds come in as arguments)', () => {
    const bad = [...reach.keys()].filter((file) => IMPURE_CALL.test(stripComments(readFileSync(file, 'utf8')))).map(rel);
    assert.deepEqual(bad, []);
    for (const s of ['Date.now()', 'Math.random()', 'performance.now()', 'new Date()']) assert.ok(IMPURE_CALL.test(s), s);
    assert.ok(!IMPURE_CALL.test('new Date(at).toISOString()'));
  });
});
