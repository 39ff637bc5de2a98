/** Reading the message catalogues in tests: load one namespace, flatten its keys, list ICU arguments. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

export const ROOT = join(import.meta.dirname, '..', '..', '..');
export type Tree = { [k: string]: string | Tree };

export const loadCatalogue = (locale: string, ns: string) => JSON.parse(readFileSync(join(ROOT, 'app', 'i18n', 'messages', locale, `${ns}.json`), 'utf8')) as Tree;

/** Dotted keys to messages, as next-intl addresses them. */
export function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

/** Argument names of an ICU message (plural/select arguments included, nested ones too). */
export function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) into.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      into.add(el.value);
      for (const option of Object.values(el.options)) argumentsOf(option.value, into);
    }
    if (el.type === TYPE.tag) argumentsOf(el.children, into);
  }
  return into;
}

/** Every .ts/.tsx file below `dir`: where pages pass literal keys to their translators. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}
