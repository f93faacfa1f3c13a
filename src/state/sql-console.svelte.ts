// SqlConsole: one read-only SQL query over the open dataset (views `sales` and `returns`), run in the
// data worker; the latest query wins. Used by the SQL panel on the Explore screen.
import type { SqlResult } from '../../workers/data-api';
import type { DataClient } from '../lib/workers/data-client';
import { LatestRequest } from './latest.svelte';

export const EXAMPLE_SQL = `SELECT product_id, any_value(description) AS description,
       sum(quantity) AS units, round(sum(revenue), 2) AS revenue
FROM sales
GROUP BY product_id
ORDER BY revenue DESC
LIMIT 20`;

export class SqlConsole extends LatestRequest<SqlResult> {
	text = $state(EXAMPLE_SQL);

	#client: DataClient;

	constructor(client: DataClient) {
		super();
		this.#client = client;
	}

	/** The last query's answer (cleared when a query fails). */
	get result(): SqlResult | null {
		return this.report;
	}

	get running(): boolean {
		return this.loading;
	}

	async run(datasetId: string): Promise<void> {
		const text = this.text;
		await this.latest(() => this.#client.runSql(datasetId, text), { clearOnError: true });
	}
}
