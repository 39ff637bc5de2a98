// Counts functions over 60 lines outside tests (the brief's ~60-line rule). Run: npx tsx scripts/long-functions.ts [root]
import ts from 'typescript';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
const root = process.argv[2] ?? process.cwd();
const skip = new Set(['node_modules', '.git', 'tests', 'public', 'data', 'drizzle/migrations', 'test-results', 'docs']);
const files: string[] = [];
const walk = (d: string) => {
  for (const n of readdirSync(d)) {
    const p = join(d, n);
    const rel = relative(root, p);
    if (skip.has(rel) || n.startsWith('.')) continue;
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.(ts|tsx)$/.test(n) && !n.endsWith('.d.ts')) files.push(p);
  }
};
walk(root);
const out: [number, string][] = [];
for (const f of files) {
  const src = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node) => {
    if (ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isMethodDeclaration(node)) {
      const a = src.getLineAndCharacterOfPosition(node.getStart()).line;
      const b = src.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = b - a + 1;
      if (lines > 60) {
        let name = (node as ts.FunctionDeclaration).name?.getText() ?? '';
        if (!name && ts.isVariableDeclaration(node.parent)) name = node.parent.name.getText();
        if (!name && ts.isPropertyAssignment(node.parent)) name = node.parent.name.getText();
        out.push([lines, `${relative(root, f)}:${a + 1} ${name || '(anonymous)'}`]);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(src);
}
out.sort((x, y) => y[0] - x[0]);
for (const [n, w] of out) console.log(String(n).padStart(4), w);
console.log(`${out.length} functions over 60 lines`);
