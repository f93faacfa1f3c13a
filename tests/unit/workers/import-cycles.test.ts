// Fails when an import cycle comes back among the workers' modules (workers/**): data-api ↔ data-service
// and data/read-table → data-service were such cycles before the data worker was split (#10). Every
// relative import counts, type-only ones included, so the job modules stay layered: protocol and the
// composition on top, context/sql/arrow at the bottom.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const WORKERS = join(ROOT, 'workers');

function tsFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return tsFiles(path);
		return /\.ts$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
	});
}

/** Relative specifiers a module imports or re-exports (static, type-only and dynamic). */
export function importsOf(source: string): string[] {
	const out: string[] = [];
	const re =
		/(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
	for (const m of source.matchAll(re)) {
		const spec = m[1] ?? m[2];
		if (spec?.startsWith('.')) out.push(spec);
	}
	return out;
}

function resolveSpec(from: string, spec: string, known: Set<string>): string | null {
	const base = resolve(dirname(from), spec.replace(/\?.*$/, ''));
	for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')])
		if (known.has(candidate)) return candidate;
	return null;
}

/** The cycles of a graph (each as the path that closes it), found by depth-first search. */
export function findCycles(graph: Map<string, string[]>): string[][] {
	const state = new Map<string, 'open' | 'done'>();
	const stack: string[] = [];
	const cycles: string[][] = [];
	const visit = (node: string) => {
		state.set(node, 'open');
		stack.push(node);
		for (const next of graph.get(node) ?? []) {
			const s = state.get(next);
			if (s === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
			else if (s === undefined) visit(next);
		}
		stack.pop();
		state.set(node, 'done');
	};
	for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
	return cycles;
}

describe('import cycles', () => {
	it('the detector finds a cycle and reads every import form', () => {
		const g = new Map([
			['a', ['b']],
			['b', ['c']],
			['c', ['a']],
			['d', ['a']],
		]);
		expect(findCycles(g)).toEqual([['a', 'b', 'c', 'a']]);
		expect(findCycles(new Map([['a', ['b']]]))).toEqual([]);
		const src = `import { x } from './a';\nimport type { Y } from "./b";\nexport { z } from './c';\nexport type { W } from './d';\nimport './e';\nconst m = await import('./f');\nimport q from 'comlink';\nimport {\n\tlong,\n} from '../g';`;
		expect(importsOf(src)).toEqual(['./a', './b', './c', './d', './e', './f', '../g']);
	});

	it('workers/** has no import cycle (type-only imports included)', () => {
		const files = tsFiles(WORKERS);
		const known = new Set(files);
		const graph = new Map<string, string[]>();
		for (const file of files) {
			const deps = importsOf(readFileSync(file, 'utf8'))
				.map((spec) => resolveSpec(file, spec, known))
				.filter((p): p is string => p !== null);
			graph.set(file, deps);
		}
		// The split modules are really there (a wrong walk would find nothing and pass).
		expect(graph.get(join(WORKERS, 'data-service.ts'))?.length).toBeGreaterThan(5);
		const cycles = findCycles(graph).map((c) => c.map((f) => relative(ROOT, f)).join(' → '));
		expect(cycles).toEqual([]);
	});
});
