// Entry point of the report worker (PDFs, kept reports): exposes the API over Comlink, nothing else.
import { expose } from 'comlink';
import { openTrendcastDb, type TrendcastDb } from '../src/lib/db/db';
import { installCodedErrorTransfer } from './data/coded-error';
import { createReportApi } from './report-api';

installCodedErrorTransfer();

let db: TrendcastDb | null = null;

expose(
	createReportApi({
		async loadFont() {
			const url = new URL(
				`${import.meta.env.BASE_URL}fonts/NotoSansSC-Trendcast.otf`,
				self.location.origin,
			);
			const res = await fetch(url);
			if (!res.ok) throw new Error(`font: HTTP ${res.status}`);
			return new Uint8Array(await res.arrayBuffer());
		},
		db: () => (db ??= openTrendcastDb()),
	}),
);
