// The train worker reads the imported promotions over its series port (issue #13): the data
// worker's promotionsFor answers them, a source without promotions answers an empty record.
import { MessageChannel } from 'node:worker_threads';
import type * as Comlink from 'comlink';
import { afterAll, describe, expect, it } from 'vitest';
import type { PromotionRecord } from '../../../src/core/ingest/schemas/promotions';
import { SeriesLink, serveSeries, type SeriesSource } from '../../../workers/data/series-port';

const open: MessageChannel[] = [];
afterAll(() => open.forEach((c) => (c.port1.close(), c.port2.close())));

function linked(source: Partial<SeriesSource>): SeriesLink {
	const c = new MessageChannel();
	open.push(c);
	serveSeries(c.port1 as unknown as Comlink.Endpoint, source as SeriesSource);
	const link = new SeriesLink();
	link.connect(c.port2 as unknown as Comlink.Endpoint);
	return link;
}

const rec: PromotionRecord = {
	row: 2,
	product: 'a',
	category: null,
	start: 0,
	end: 86_400_000,
	discount: null,
};

describe('promotions over the series port', () => {
	it("answers the data worker's promotions of the asked products", async () => {
		const asked: [string, string[]][] = [];
		const link = linked({
			promotionsFor: async (id, ids) => {
				asked.push([id, ids]);
				return { a: [rec] };
			},
		});
		expect(await link.promotionsFor('ds', ['a', 'b'])).toEqual({ a: [rec] });
		expect(asked).toEqual([['ds', ['a', 'b']]]);
	});

	it('answers an empty record from a source without promotions', async () => {
		expect(await linked({}).promotionsFor('ds', ['a'])).toEqual({});
	});
});
