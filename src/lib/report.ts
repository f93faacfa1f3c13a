// The report document for the Report screen (views import core only as types): core's pure builder
// (src/core/report/build.ts) decides what goes in, from what the screens already hold, and the
// Forecast screen's plain-word explanation becomes one notes section of it.
import { buildReport, orderLinesOf, type ReportInput } from '../core/report/build';
import type { Message } from '../core/messages';
import type { ReportDoc, ReportSection } from '../core/report/types';
import type { Frequency } from '../core/types';
import { msg } from './i18n/message';

export type { ReportInput };
/** The dataset's sales lines and its import's left-out rows, for the "Order lines" note. */
export { orderLinesOf };

/** The report of `input` (aggregates only, within the report limits). */
export function reportDoc(input: ReportInput): ReportDoc {
	return buildReport(input);
}

/** "In plain words" about one product's forecast, as a report section. */
export function explainSection(
	e: { productId: string; freq: Frequency; measure: 'units' | 'revenue'; messages: Message[] },
	description: string,
): ReportSection {
	return {
		type: 'notes',
		id: 'forecast_explained',
		title: msg('report_sec_explain', { product: e.productId, description }),
		freq: e.freq,
		kind: e.measure === 'revenue' ? 'money' : 'units',
		items: e.messages,
	};
}
