// The home dashboard as data: this week's reorders, what is rising and falling, alerts and the recent
// forecast accuracy, each line with a one-sentence reason (a message code) and a link to the screen
// with the detail. Pure and cheap: the home worker (workers/home-api.ts) computes the movers and the
// accuracy and calls buildDashboard; a report (src/core/report) can call it with the same input.
import { msg, type Message } from '../messages';
import { accuracyMessages, wholePercent, type PastAccuracy } from './accuracy';
import { findMovers, type SeriesSlices } from './movers';

/** The screens a line can link to. */
export type HomeView = 'plan' | 'forecast' | 'explore' | 'customers' | 'market';

export interface HomeLink {
	view: HomeView;
	/** The product the detail is about (opened on Forecast, searched on Plan). */
	productId?: string;
	/** A category or store (Explore's group view). */
	group?: string;
}

export type HomeLineKind =
	| 'reorder'
	| 'rising_product'
	| 'falling_product'
	| 'rising_category'
	| 'falling_category'
	| 'rising_topic'
	| 'falling_topic'
	| 'stockout'
	| 'overstock'
	| 'unusual_order'
	| 'review_burst';

/** One line of the dashboard. */
export interface HomeLine {
	/** Stable key: `<kind>:<subject>`. */
	id: string;
	kind: HomeLineKind;
	/** What the line is about, as in the data (product code, category, order id, topic). */
	subject: string;
	/** The product's title (data), when known. */
	title?: string;
	/** One sentence saying why it is on the dashboard. */
	reason: Message;
	link: HomeLink;
}

/** The plan fields the dashboard reads (a subset of the plan worker's PlanRow). */
export interface HomePlanRow {
	productId: string;
	orderQty: number;
	revenueAtRisk: number;
	overstockValue: number;
	daysOfCover: number;
	leadTimeMeanDays: number;
	meanDemand: number;
	onHand: number;
	alert: Message | null;
}

/** The risk-flag fields the dashboard reads (src/core/anomaly's RiskFlag). */
export interface HomeFlag {
	id: string;
	kind: string;
	subject: string;
	score: number;
	reasons: Message[];
	markedOk?: boolean;
}

export interface HomeTopic {
	key: string;
	/** Smoothed log ratio of the recent share vs the earlier one (> 0 rising). */
	trend: number;
}

export interface HomeInput {
	/** Weekly units of the products considered (complete weeks only). */
	products: SeriesSlices;
	/** Product id → title. */
	titles: Readonly<Record<string, string>>;
	/** Weekly units per category, when the dataset has a category column. */
	categories?: SeriesSlices | null;
	/** The inventory plan's rows, and whether any stock data was given (else stock counts as 0). */
	plan?: { rows: readonly HomePlanRow[]; hasStock: boolean } | null;
	/** Risk flags of the customers/risk code (null when the dataset has no customers). */
	flags?: readonly HomeFlag[] | null;
	/** Rising and falling topics of the market data (null when none is imported). */
	topics?: { rising: readonly HomeTopic[]; falling: readonly HomeTopic[] } | null;
	/** The shop total's recent forecasts against what sold. */
	accuracy?: PastAccuracy | null;
	/** Pooled miss over the best sellers of the latest past forecast. */
	productAccuracy?: { products: number; horizon: number; error: number } | null;
	/** Lines per list (default 5). */
	limit?: number;
}

export interface HomeAccuracy {
	typical: number;
	horizon: number;
	checks: number;
	/** The accuracy in plain words, first the "usually within ±x %" sentence. */
	lines: Message[];
}

export interface HomeDashboard {
	reorders: HomeLine[];
	rising: HomeLine[];
	falling: HomeLine[];
	alerts: HomeLine[];
	accuracy: HomeAccuracy | null;
	/** What the dashboard could not say and why (no stock data, no customers, no market data). */
	notes: Message[];
}

const lineId = (kind: HomeLineKind, subject: string) => `${kind}:${subject}`;

function titled(titles: Readonly<Record<string, string>>, id: string): { title?: string } {
	const t = titles[id];
	return t && t !== id ? { title: t } : {};
}

/** Everything the home screen shows, from what the workers computed. */
export function buildDashboard(input: HomeInput): HomeDashboard {
	const limit = input.limit ?? 5;
	const notes: Message[] = [];
	const product = (kind: HomeLineKind, id: string, reason: Message, link: HomeLink): HomeLine => ({
		id: lineId(kind, id),
		kind,
		subject: id,
		...titled(input.titles, id),
		reason,
		link,
	});

	// this week's reorders: the plan's suggested orders, most revenue at risk first
	const reorders: HomeLine[] = [];
	const alerts: HomeLine[] = [];
	const plan = input.plan;
	if (plan) {
		const orders = plan.rows
			.filter((r) => r.orderQty > 0 && r.alert)
			.sort((a, b) => b.revenueAtRisk - a.revenueAtRisk || a.productId.localeCompare(b.productId));
		for (const r of orders.slice(0, limit))
			reorders.push(
				product('reorder', r.productId, r.alert!, { view: 'plan', productId: r.productId }),
			);
		if (!plan.hasStock) notes.push(msg('home_note_no_stock'));
		else {
			// stock-outs: the stock on hand lasts less than a new order takes to arrive
			const outs = plan.rows
				.filter(
					(r) =>
						r.meanDemand > 0 &&
						r.daysOfCover < r.leadTimeMeanDays &&
						Number.isFinite(r.daysOfCover),
				)
				.sort(
					(a, b) => b.revenueAtRisk - a.revenueAtRisk || a.productId.localeCompare(b.productId),
				);
			for (const r of outs.slice(0, limit))
				alerts.push(
					product(
						'stockout',
						r.productId,
						r.onHand <= 0
							? msg('home_alert_out', { lead: Math.round(r.leadTimeMeanDays) })
							: msg('home_alert_stockout', {
									days: Math.max(0, Math.round(r.daysOfCover)),
									lead: Math.round(r.leadTimeMeanDays),
									onHand: Math.round(r.onHand),
								}),
						{ view: 'plan', productId: r.productId },
					),
				);
		}
		const over = plan.rows
			.filter((r) => r.overstockValue > 0 && r.alert?.code === 'plan_alert_overstock')
			.sort(
				(a, b) => b.overstockValue - a.overstockValue || a.productId.localeCompare(b.productId),
			);
		for (const r of over.slice(0, limit))
			alerts.push(
				product('overstock', r.productId, r.alert!, { view: 'plan', productId: r.productId }),
			);
	} else notes.push(msg('home_note_no_plan'));

	// rising and falling: products, categories, topics
	const rising: HomeLine[] = [];
	const falling: HomeLine[] = [];
	const pm = findMovers(input.products, { limit });
	for (const m of pm.rising)
		rising.push(product('rising_product', m.id, m.reason, { view: 'forecast', productId: m.id }));
	for (const m of pm.falling)
		falling.push(product('falling_product', m.id, m.reason, { view: 'forecast', productId: m.id }));
	if (input.categories) {
		const cm = findMovers(input.categories, { limit: 3 });
		const cat = (kind: HomeLineKind, id: string, reason: Message): HomeLine => ({
			id: lineId(kind, id),
			kind,
			subject: id,
			reason,
			link: { view: 'explore', group: id },
		});
		for (const m of cm.rising) rising.push(cat('rising_category', m.id, m.reason));
		for (const m of cm.falling) falling.push(cat('falling_category', m.id, m.reason));
	}
	if (input.topics) {
		const topic = (kind: HomeLineKind, t: HomeTopic): HomeLine => ({
			id: lineId(kind, t.key),
			kind,
			subject: t.key,
			reason: msg(
				kind === 'rising_topic' ? 'home_reason_topic_rising' : 'home_reason_topic_falling',
				{
					// the log ratio of shares as a plain "× as often"
					times: Math.round(Math.exp(Math.abs(t.trend)) * 10) / 10,
				},
			),
			link: { view: 'market' },
		});
		for (const t of input.topics.rising.slice(0, 3)) rising.push(topic('rising_topic', t));
		for (const t of input.topics.falling.slice(0, 3)) falling.push(topic('falling_topic', t));
	}

	// unusual orders and review bursts from the risk code
	if (input.flags) {
		const open = input.flags.filter((f) => !f.markedOk).sort((a, b) => b.score - a.score);
		const pick = (kind: 'order_anomaly' | 'review_burst', as: HomeLineKind) => {
			for (const f of open.filter((x) => x.kind === kind).slice(0, 3))
				alerts.push({
					id: lineId(as, f.subject),
					kind: as,
					subject: f.subject,
					...(as === 'review_burst' ? titled(input.titles, f.subject) : {}),
					reason: f.reasons[0] ?? msg(`home_alert_${as}`),
					link: { view: 'customers' },
				});
		};
		pick('order_anomaly', 'unusual_order');
		pick('review_burst', 'review_burst');
	} else if (input.flags === null) notes.push(msg('home_note_no_customers'));

	let accuracy: HomeAccuracy | null = null;
	if (input.accuracy) {
		const lines = accuracyMessages(input.accuracy);
		const pa = input.productAccuracy;
		if (pa && Number.isFinite(pa.error))
			lines.push(
				msg('home_accuracy_products', {
					n: pa.products,
					h: pa.horizon,
					pct: wholePercent(pa.error),
				}),
			);
		accuracy = {
			typical: input.accuracy.typical,
			horizon: input.accuracy.horizon,
			checks: input.accuracy.checks.length,
			lines,
		};
	} else notes.push(msg('home_note_no_accuracy'));

	return { reorders, rising, falling, alerts, accuracy, notes };
}
