// The import zones of eslint.config.js (who imports whom, STYLE §11) fail on a violation: small sources
// linted as if they lived in state, a view or a component. Type-only imports of core stay allowed; a core
// function called from state or a view, or app state read by a component, is an error.
import { ESLint } from 'eslint';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
let eslint: ESLint;

/** Messages of the import rules for `code` linted as the file `path` (relative to the repo root). */
async function zoneErrors(path: string, code: string): Promise<string[]> {
	const [r] = await eslint.lintText(code, { filePath: join(ROOT, path) });
	return r.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('ESLint import zones', () => {
	beforeAll(() => {
		eslint = new ESLint({ cwd: ROOT });
	});

	it('state: core as types only; its helpers come through src/lib', async () => {
		const bad = await zoneErrors(
			'src/state/zone-fixture.svelte.ts',
			"import { seasonFor } from '../core/series/calendar';\nexport const s = seasonFor('week');\n",
		);
		expect(bad).toHaveLength(1);
		expect(bad[0]).toMatch(/state imports lib/);
		const ok = await zoneErrors(
			'src/state/zone-fixture.svelte.ts',
			"import type { Frequency } from '../core/types';\nimport { eventName } from '../lib/calendar';\nexport const f: Frequency = 'week';\nexport const n = eventName('x');\n",
		);
		expect(ok).toEqual([]);
	}, 60_000);

	it('views: no core or ml functions, no workers; ml/kinds and type imports are fine', async () => {
		const bad = await zoneErrors(
			'src/views/Report/zone-fixture.ts',
			"import { buildReport } from '../../core/report/build';\nimport { trainLoop } from '../../ml/train';\nexport const b = [buildReport, trainLoop];\n",
		);
		expect(bad).toHaveLength(2);
		const ok = await zoneErrors(
			'src/views/Models/zone-fixture.ts',
			"import { DEEP_KINDS } from '../../ml/kinds';\nimport type { ReportDoc } from '../../core/report/types';\nexport const k = DEEP_KINDS;\nexport type D = ReportDoc;\n",
		);
		expect(ok).toEqual([]);
	}, 60_000);

	it('components never read app state', async () => {
		const bad = await zoneErrors(
			'src/components/chart/zone-fixture.ts',
			"import { getAppState } from '../../state/context';\nexport const s = getAppState;\n",
		);
		expect(bad).toHaveLength(1);
		expect(bad[0]).toMatch(/components get everything through props/);
	}, 60_000);

	it('no state file is excepted: the plan state (once the last exception) may not call core', async () => {
		const bad = await zoneErrors(
			'src/state/plan.svelte.ts',
			"import { rankAlerts } from '../core/inventory/plan';\nexport const r = rankAlerts;\n",
		);
		expect(bad).toHaveLength(1);
		const ok = await zoneErrors(
			'src/state/plan.svelte.ts',
			"import type { ProductPlan } from '../core/inventory/plan';\nexport type P = ProductPlan;\n",
		);
		expect(ok).toEqual([]);
	}, 60_000);
});
