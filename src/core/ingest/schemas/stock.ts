// Dataset kind "stock and supply": per product the units on hand, on order (with the expected date),
// the supplier's lead time (mean and spread, days), minimum order quantity, pack size, unit cost, price
// and supplier; optionally a date column, which makes the file a stock history (one row per product and
// day, the latest row giving the current stock; days with nothing on hand mark censored demand); and
// optionally a location column (shop, warehouse: Shopify's inventory export has one row per SKU and
// location), whose counts are added up per product: the plan is for the whole shop's sales.
// Columns are recognised by English, German (Artikelnummer, Bestand, Lieferzeit …) and Chinese header
// names (库存/在途/交期/起订量/箱规/成本/供应商 …).
// The file is read by the existing readers (the data worker stages it like a sales file; the CLI
// likewise); this module maps the columns, parses the cells with the import's own parsers and reports
// problems naming file, row and column, as message codes. Pure TypeScript.
import { msg, type Message } from '../../messages';
import { normalizeHeader } from '../columns';
import { inferDateOrder, inferDecimalSeparator, parseDate, parseNumber } from '../parse';

/** What a column of a stock file means. */
export type StockRole =
	| 'sku'
	| 'onHand'
	| 'onOrder'
	| 'expectedDate'
	| 'leadTimeMean'
	| 'leadTimeSd'
	| 'moq'
	| 'pack'
	| 'unitCost'
	| 'price'
	| 'supplier'
	| 'salvage'
	| 'seasonEnd'
	| 'date'
	| 'location';

export type StockMapping = Partial<Record<StockRole, string>>;

/** Header synonyms per role, normalised like columns.ts (lower case, letters/digits/CJK), strongest first. */
export const STOCK_SYNONYMS: Record<StockRole, string[]> = {
	sku: [
		'sku',
		'productid',
		'stockcode',
		'itemcode',
		'productcode',
		'variantsku',
		'itemsku',
		'itemid',
		'barcode',
		'ean',
		'product',
		'item',
		// German shop systems (Shopware, JTL, WooCommerce in German; walk17)
		'artikelnummer',
		'artikelnr',
		'artnr',
		'produktnummer',
		'artikel',
		'商品编码',
		'sku编码',
		'货号',
		'款号',
		'商品id',
		'商品编号',
		'编码',
		'商品',
	],
	onHand: [
		'onhand',
		'qtyonhand',
		'quantityonhand',
		'stockonhand',
		// WooCommerce's product export has "In stock?" (1 / 0) before "Stock" (the count): the count wins
		'stock',
		'instock',
		'available',
		'inventory',
		'stocklevel',
		'onhandqty',
		'bestand',
		'lagerbestand',
		'istbestand',
		'verfügbar',
		'verfuegbar',
		'库存',
		'现有库存',
		'库存数量',
		'可用库存',
		'在库',
		'在库数量',
		'现货',
	],
	onOrder: [
		'onorder',
		'qtyonorder',
		'incoming',
		'intransit',
		'openpo',
		'ordered',
		'onorderqty',
		'bestellt',
		'inbestellung',
		'zulauf',
		'unterwegs',
		'在途',
		'在途库存',
		'在途数量',
		'已订购',
		'采购在途',
	],
	expectedDate: [
		'expecteddate',
		'eta',
		'arrivaldate',
		'duedate',
		'expectedarrival',
		'expecteddelivery',
		'liefertermin',
		'lieferdatum',
		'预计到货',
		'预计到货日期',
		'到货日期',
		'预计到货时间',
	],
	leadTimeMean: [
		'leadtime',
		'leadtimedays',
		'leadtimemean',
		'meanleadtime',
		'supplierleadtime',
		'leadtimeavg',
		'lieferzeit',
		'lieferzeittage',
		'wiederbeschaffungszeit',
		'交期',
		'交货期',
		'交期天数',
		'采购周期',
		'平均交期',
	],
	leadTimeSd: [
		'leadtimesd',
		'leadtimestd',
		'leadtimestddev',
		'leadtimestdev',
		'leadtimevariability',
		'leadtimespread',
		'sdleadtime',
		'交期标准差',
		'交期波动',
	],
	moq: [
		'moq',
		'minorderqty',
		'minimumorderquantity',
		'minimumorder',
		'minqty',
		'minorder',
		'mindestbestellmenge',
		'mindestmenge',
		'mindestabnahme',
		'起订量',
		'最小起订量',
		'最低起订量',
	],
	pack: [
		'packsize',
		'pack',
		'casepack',
		'casesize',
		'casequantity',
		'unitspercase',
		'innerpack',
		'packqty',
		'verpackungseinheit',
		've',
		'packungsgröße',
		'kartoninhalt',
		'箱规',
		'装箱数',
		'每箱数量',
		'包装数',
	],
	unitCost: [
		'unitcost',
		'cost',
		'costprice',
		'purchaseprice',
		'buyprice',
		'landedcost',
		'einkaufspreis',
		'ekpreis',
		'ek',
		'einstandspreis',
		'成本',
		'成本价',
		'进价',
		'采购价',
		'单位成本',
	],
	price: [
		'price',
		// WooCommerce: "Regular price" always, "Sale price" only while an item is on sale
		'regularprice',
		'sellingprice',
		'retailprice',
		'unitprice',
		'saleprice',
		'rrp',
		'verkaufspreis',
		'vkpreis',
		'售价',
		'零售价',
		'单价',
		'销售价',
	],
	supplier: [
		'supplier',
		'vendor',
		'suppliername',
		'vendorname',
		'manufacturer',
		'brand',
		'lieferant',
		'lieferantenname',
		'hersteller',
		'供应商',
		'厂家',
		'供货商',
	],
	salvage: [
		'salvage',
		'salvagevalue',
		'clearanceprice',
		'markdownprice',
		'outletprice',
		'residualvalue',
		'残值',
		'清仓价',
		'处理价',
		'折后清仓价',
	],
	seasonEnd: [
		'seasonend',
		'endofseason',
		'seasonenddate',
		'selluntil',
		'sellby',
		'lastsaledate',
		'季末',
		'季末日期',
		'下架日期',
		'售卖截止',
		'销售截止日期',
	],
	date: [
		'date',
		'stockdate',
		'snapshotdate',
		'asof',
		'day',
		'countdate',
		'datum',
		'stichtag',
		'inventurdatum',
		'日期',
		'盘点日期',
		'库存日期',
	],
	location: [
		'location',
		'locationname',
		'stocklocation',
		'inventorylocation',
		'warehouse',
		'warehousename',
		'store',
		'storename',
		'shop',
		'branch',
		'site',
		'lagerort',
		'lager',
		'filiale',
		'standort',
		'仓库',
		'仓库名称',
		'门店',
		'门店名称',
		'店铺',
		'库位',
	],
};

const ROLES = Object.keys(STOCK_SYNONYMS) as StockRole[];

function score(header: string, role: StockRole): number {
	const h = normalizeHeader(header);
	if (h === '') return 0;
	const list = STOCK_SYNONYMS[role];
	const exact = list.indexOf(h);
	if (exact >= 0) return 100 - exact * 0.5;
	for (let i = 0; i < list.length; i++)
		if ((list[i].length >= 5 || /\p{Script=Han}/u.test(list[i])) && h.includes(list[i]))
			return 40 - i * 0.2;
	return 0;
}

/** Best column per role by header (each column used once, strongest match first). */
export function guessStockMapping(headers: readonly string[]): StockMapping {
	const pairs: { role: StockRole; col: string; s: number }[] = [];
	for (const col of headers)
		for (const role of ROLES) {
			const s = score(col, role);
			if (s > 0) pairs.push({ role, col, s });
		}
	pairs.sort((a, b) => b.s - a.s);
	const mapping: StockMapping = {};
	const used = new Set<string>();
	for (const p of pairs) {
		if (mapping[p.role] || used.has(p.col)) continue;
		mapping[p.role] = p.col;
		used.add(p.col);
	}
	return mapping;
}

/** One product's stock and supply data; absent fields were not in the file. */
export interface StockRow {
	productId: string;
	onHand?: number;
	onOrder?: number;
	/** UTC ms. */
	expectedDate?: number;
	leadTimeMeanDays?: number;
	leadTimeSdDays?: number;
	moq?: number;
	pack?: number;
	unitCost?: number;
	price?: number;
	supplier?: string;
	/** Clearance value of a unit left over at the season's end. */
	salvage?: number;
	/** Last selling day of a one-season item (UTC ms): bought once, by the newsvendor rule. */
	seasonEnd?: number;
	/** Date of this stock count (history files), UTC ms. */
	asOf?: number;
}

/** One stock count of a stock history. */
export interface StockHistoryRow {
	productId: string;
	ds: number;
	onHand: number;
}

/** A problem in a stock file: where, and a message code (catalog plan.ts). */
export interface StockIssue {
	severity: 'error' | 'warning';
	file: string;
	/** 1-based data row (header excluded). */
	row?: number;
	column?: string;
	message: Message;
}

export interface StockParseResult {
	mapping: StockMapping;
	/** Latest row per product. */
	rows: StockRow[];
	/** Every dated on-hand count (empty without a date column). */
	history: StockHistoryRow[];
	issues: StockIssue[];
}

const NUMERIC: { role: StockRole; key: keyof StockRow; min: number; integer?: boolean }[] = [
	{ role: 'onHand', key: 'onHand', min: -Infinity },
	{ role: 'onOrder', key: 'onOrder', min: 0 },
	{ role: 'leadTimeMean', key: 'leadTimeMeanDays', min: 0 },
	{ role: 'leadTimeSd', key: 'leadTimeSdDays', min: 0 },
	{ role: 'moq', key: 'moq', min: 0 },
	{ role: 'pack', key: 'pack', min: 1 },
	{ role: 'unitCost', key: 'unitCost', min: 0 },
	{ role: 'price', key: 'price', min: 0 },
	{ role: 'salvage', key: 'salvage', min: 0 },
];

/**
 * Parses the cells of a stock file (header + rows of text cells, as the readers give them). A cell
 * that is not a number (or a date) is reported and left out; a row without a product is skipped.
 */
export function parseStock(
	file: string,
	header: readonly string[],
	cells: readonly (readonly (string | null)[])[],
	mapping: StockMapping = guessStockMapping(header),
): StockParseResult {
	const issues: StockIssue[] = [];
	const col = (role: StockRole) => (mapping[role] ? header.indexOf(mapping[role]!) : -1);
	const skuCol = col('sku');
	if (skuCol < 0) {
		issues.push({
			severity: 'error',
			file,
			message: msg('plan_stock_no_sku', { file, columns: header.join(', ') }),
		});
		return { mapping, rows: [], history: [], issues };
	}
	if (col('onHand') < 0 && col('leadTimeMean') < 0 && col('moq') < 0 && col('pack') < 0)
		issues.push({
			severity: 'warning',
			file,
			message: msg('plan_stock_no_stock_columns', { file }),
		});
	const dateOrder = (role: StockRole) => {
		const c = col(role);
		if (c < 0) return 'ymd' as const;
		return inferDateOrder(cells.map((r) => r[c] ?? '').filter((v) => v.trim() !== '')).order;
	};
	const orders = {
		date: dateOrder('date'),
		expectedDate: dateOrder('expectedDate'),
		seasonEnd: dateOrder('seasonEnd'),
	};
	// A file whose amounts are written with decimal commas ("555,55", "1.234,56": a German or French
	// export) has its "1.200" as 1,200 units, not 1.2 (walk17). Counts alone ("1.200", "14") do not
	// tell: each cell then decides for itself, as before.
	const numericCells: string[] = [];
	for (const spec of NUMERIC) {
		const c = col(spec.role);
		if (c >= 0) for (const r of cells) if ((r[c] ?? '').trim() !== '') numericCells.push(r[c]!);
	}
	const decimal = inferDecimalSeparator(numericCells) === ',' ? (',' as const) : ('auto' as const);
	const locCol = col('location');
	/** Latest row per product and location (location '' without a location column). */
	const latest = new Map<string, { loc: string; row: number; stock: StockRow }>();
	const history: (StockHistoryRow & { loc: string })[] = [];
	const seenNoDate = new Set<string>();
	cells.forEach((r, i) => {
		const row = i + 1;
		const sku = (r[skuCol] ?? '').trim();
		if (sku === '') {
			if (r.some((c) => (c ?? '').trim() !== ''))
				issues.push({
					severity: 'warning',
					file,
					row,
					column: mapping.sku,
					message: msg('plan_stock_missing_sku', { file, row, column: mapping.sku! }),
				});
			return;
		}
		const out: StockRow = { productId: sku };
		for (const spec of NUMERIC) {
			const c = col(spec.role);
			if (c < 0) continue;
			const raw = (r[c] ?? '').trim();
			if (raw === '') continue;
			const v = parseNumber(raw, { decimal });
			if (v === null || !Number.isFinite(v) || v < spec.min) {
				issues.push({
					severity: 'error',
					file,
					row,
					column: mapping[spec.role],
					message: msg(v === null ? 'plan_stock_bad_number' : 'plan_stock_out_of_range', {
						file,
						row,
						column: mapping[spec.role]!,
						value: raw,
						min: spec.min,
					}),
				});
				continue;
			}
			(out as unknown as Record<string, number>)[spec.key] = v;
		}
		for (const role of ['date', 'expectedDate', 'seasonEnd'] as const) {
			const c = col(role);
			if (c < 0) continue;
			const raw = (r[c] ?? '').trim();
			if (raw === '') continue;
			const v = parseDate(raw, orders[role], { allowSerial: false });
			if (v === null) {
				issues.push({
					severity: 'error',
					file,
					row,
					column: mapping[role],
					message: msg('plan_stock_bad_date', { file, row, column: mapping[role]!, value: raw }),
				});
				continue;
			}
			if (role === 'date') out.asOf = v;
			else if (role === 'seasonEnd') out.seasonEnd = v;
			else out.expectedDate = v;
		}
		const sc = col('supplier');
		if (sc >= 0 && (r[sc] ?? '').trim() !== '') out.supplier = (r[sc] ?? '').trim();
		const loc = locCol >= 0 ? (r[locCol] ?? '').trim() : '';
		if (out.asOf !== undefined && out.onHand !== undefined)
			history.push({ productId: sku, ds: out.asOf, onHand: out.onHand, loc });
		const key = `${sku}\u0000${loc}`;
		const prev = latest.get(key)?.stock;
		if (prev && out.asOf === undefined && prev.asOf === undefined && !seenNoDate.has(key)) {
			seenNoDate.add(key);
			issues.push({
				severity: 'warning',
				file,
				row,
				column: mapping.sku,
				message: msg('plan_stock_duplicate_sku', { file, row, column: mapping.sku!, sku }),
			});
		}
		// the latest count wins; fields a later row leaves empty keep the earlier value
		if (!prev || (out.asOf ?? Infinity) >= (prev.asOf ?? -Infinity))
			latest.set(key, { loc, row, stock: { ...prev, ...out } });
		else latest.set(key, { loc, row, stock: { ...out, ...prev } });
	});
	const locations = new Set<string>();
	for (const v of latest.values()) if (v.loc !== '') locations.add(v.loc);
	if (
		locations.size === 0 ||
		(locations.size === 1 && ![...latest.values()].some((v) => v.loc === ''))
	) {
		history.sort((a, b) => a.productId.localeCompare(b.productId) || a.ds - b.ds);
		return {
			mapping,
			rows: [...latest.values()].map((v) => v.stock),
			history: history.map(({ productId, ds, onHand }) => ({ productId, ds, onHand })),
			issues,
		};
	}
	const summed = sumLocations(file, mapping, [...latest.values()], issues);
	issues.push({
		severity: 'warning',
		file,
		column: mapping.location,
		message: msg('plan_stock_locations_summed', {
			file,
			n: locations.size,
			names: [...locations].slice(0, 3).join(', '),
			more: Math.max(0, locations.size - 3),
			products: summed.length,
		}),
	});
	return { mapping, rows: summed, history: sumHistory(history), issues };
}

/** Fields of a product that are the supplier's terms, not counts: the same at every location. */
const TERMS: { key: keyof StockRow; role: StockRole }[] = [
	{ key: 'leadTimeMeanDays', role: 'leadTimeMean' },
	{ key: 'leadTimeSdDays', role: 'leadTimeSd' },
	{ key: 'moq', role: 'moq' },
	{ key: 'pack', role: 'pack' },
	{ key: 'unitCost', role: 'unitCost' },
	{ key: 'price', role: 'price' },
	{ key: 'supplier', role: 'supplier' },
	{ key: 'salvage', role: 'salvage' },
	{ key: 'seasonEnd', role: 'seasonEnd' },
];

/**
 * One row per product from its latest row per location: on hand and on order added up, the count's
 * date the latest one, stock on order due when the last location's is (all of it is in by then), and
 * the supplier's terms (lead time, MOQ, pack, cost …) of the first location that gives them; a term that
 * differs at a later location is reported once per column (file, row, column), not averaged.
 */
function sumLocations(
	file: string,
	mapping: StockMapping,
	rows: readonly { loc: string; row: number; stock: StockRow }[],
	issues: StockIssue[],
): StockRow[] {
	const bySku = new Map<string, StockRow>();
	const reported = new Set<string>();
	for (const { row, stock } of rows) {
		const id = stock.productId;
		const acc = bySku.get(id);
		if (!acc) {
			bySku.set(id, { ...stock });
			continue;
		}
		if (stock.onHand !== undefined) acc.onHand = (acc.onHand ?? 0) + stock.onHand;
		if (stock.onOrder !== undefined) acc.onOrder = (acc.onOrder ?? 0) + stock.onOrder;
		if (stock.asOf !== undefined) acc.asOf = Math.max(acc.asOf ?? -Infinity, stock.asOf);
		if (stock.expectedDate !== undefined && (stock.onOrder ?? 0) > 0)
			acc.expectedDate = Math.max(acc.expectedDate ?? -Infinity, stock.expectedDate);
		else if (acc.expectedDate === undefined && stock.expectedDate !== undefined)
			acc.expectedDate = stock.expectedDate;
		for (const { key, role } of TERMS) {
			const v = stock[key];
			if (v === undefined) continue;
			const have = acc[key];
			if (have === undefined) (acc as unknown as Record<string, unknown>)[key] = v;
			else if (have !== v && !reported.has(role)) {
				reported.add(role);
				issues.push({
					severity: 'warning',
					file,
					row,
					column: mapping[role],
					message: msg('plan_stock_location_differs', {
						file,
						row,
						column: mapping[role]!,
						sku: id,
						value: String(v),
						kept: String(have),
					}),
				});
			}
		}
	}
	return [...bySku.values()];
}

/**
 * A stock history over several locations as one count per product and day: each location's last count
 * up to that day (a location counted on other days keeps its count), added up.
 */
function sumHistory(history: readonly (StockHistoryRow & { loc: string })[]): StockHistoryRow[] {
	const sorted = [...history].sort((a, b) => a.productId.localeCompare(b.productId) || a.ds - b.ds);
	const out: StockHistoryRow[] = [];
	for (let i = 0; i < sorted.length;) {
		const id = sorted[i].productId;
		const last = new Map<string, number>();
		while (i < sorted.length && sorted[i].productId === id) {
			const ds = sorted[i].ds;
			while (i < sorted.length && sorted[i].productId === id && sorted[i].ds === ds) {
				last.set(sorted[i].loc, sorted[i].onHand);
				i++;
			}
			let sum = 0;
			for (const v of last.values()) sum += v;
			out.push({ productId: id, ds, onHand: sum });
		}
	}
	return out;
}
