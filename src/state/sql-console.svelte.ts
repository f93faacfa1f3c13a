// SqlConsole: one read-only SQL query over the open dataset (views `sales` and `returns`), run in the
// data worker; the latest query wins. Used by the SQL panel on the Explore screen.
import type { SqlResult } from '../../workers/data-api';
import type { DataClient } from '../lib/workers/data-client';
import { toUiError, type UiError } from '../lib/workers/errors';

export const EXAMPLE_SQL = `SELECT product_id, any_value(description) AS description,
       sum(quantity) AS units, round(sum(revenue), 2) AS revenue
FROM sales
GROUP BY product_id
ORDER BY revenue DESC
LIMIT 20`;

export class SqlConsole {
	text = $state(EXAMPLE_SQL);
	running = $state(false);
	result = $state.raw<SqlResult | null>(null);
	error = $state<UiError | null>(null);

	#client: DataClient;
	#seq = 0;

	constructor(client: DataClient) {
		this.#client = client;
	}

	async run(datasetId: string): Promise<void> {
		const seq = ++this.#seq;
		this.running = true;
		this.error = null;
		try {
			const result = await this.#client.runSql(datasetId, this.text);
			if (seq !== this.#seq) return;
			this.result = result;
		} catch (e) {
			if (seq !== this.#seq) return;
			this.result = null;
			this.error = toUiError(e);
		} finally {
			if (seq === this.#seq) this.running = false;
		}
	}
}
