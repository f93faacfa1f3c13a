// Types shared by the import pipeline: the data worker produces them, the Import view shows them.
// Pure data (structured-clone safe), no DOM.
import type { Message, MessageParam } from '../messages';
import type { CurrencyGuess } from './currency';
import type { WeekStart } from '../types';

/** What a column means for Trendcast. */
export type ColumnRole =
	| 'date'
	| 'product'
	| 'description'
	| 'quantity'
	| 'unitPrice'
	| 'revenue'
	| 'category'
	| 'store'
	| 'customer'
	| 'order'
	/** Order / payment status (refunded, cancelled, paid, 已退款 …): excluded orders are not sales. */
	| 'status'
	/** Units of the line refunded later (WooCommerce "Qty Refunded", −1 or 1): taken off its quantity. */
	| 'refundQty'
	/** Money of the line refunded later (WooCommerce "Item Refunded"): taken off its revenue. */
	| 'refundAmount'
	/** The line's own discount (Shopify "Lineitem discount", WooCommerce "Item Discount Amount", Square "Discounts"). */
	| 'discount'
	/** The whole order's discount (WooCommerce "Cart Discount Amount", Shopify "Discount Amount"). */
	| 'orderDiscount';

/** Role → source column name. A role with no column is absent. */
export type ColumnMapping = Partial<Record<ColumnRole, string>>;

/** Order of day, month and year in a date column written as text. */
export type DateOrder = 'ymd' | 'dmy' | 'mdy';

export type FileFormat = 'csv' | 'tsv' | 'parquet' | 'json' | 'xlsx';

/** One problem found while importing, located as precisely as we can. */
export interface ImportIssue {
	severity: 'error' | 'warning' | 'info';
	/** Stable machine code, e.g. 'bad-date', 'empty-file', 'returns', 'duplicates'. */
	code: string;
	/** Human sentence naming what was expected, e.g. 'Row 12, column "Quantity": "abc" is not a number.' */
	message: string;
	/**
	 * The message code to show (views render `tm(msg)`); when present, `message` is only a trace of the
	 * code and its params. Issues written before message codes have only `message`.
	 */
	msg?: Message;
	file: string;
	/** 1-based data row (header excluded) of the first occurrence. */
	row?: number;
	column?: string;
	/** How many rows share this problem. */
	count?: number;
	/**
	 * Set on issues that speak as message codes (src/core/messages.ts): `code` is then a catalog key
	 * and the view words it with these params; `message` only repeats the code.
	 */
	params?: Record<string, MessageParam>;
}

/** A column as seen in the preview. */
export interface PreviewColumn {
	name: string;
	/** First non-empty values as text. */
	sample: string[];
	/** Role guessed for this column, if any. */
	role?: ColumnRole;
}

/** What the user confirms before the import is committed. */
export interface ImportPreview {
	importId: string;
	fileName: string;
	format: FileFormat;
	encoding: string;
	delimiter?: string;
	rowCount: number;
	columns: PreviewColumn[];
	mapping: ColumnMapping;
	/** Date order guessed from the values; `dateOrderAmbiguous` asks the user to choose. */
	dateOrder: DateOrder;
	dateOrderAmbiguous: boolean;
	issues: ImportIssue[];
	/** The currency the file names (a currency column, price headers or cells), if it names one. */
	currency?: CurrencyGuess;
}

/** The mapping-dependent part of a preview, recomputed whenever the user changes a role. */
export interface MappingCheck {
	issues: ImportIssue[];
	/** Order of the chosen date column's values (asked when ambiguous). */
	dateOrder: DateOrder;
	dateOrderAmbiguous: boolean;
}

/** The user's confirmed choices. */
export interface ImportOptions {
	mapping: ColumnMapping;
	dateOrder: DateOrder;
	datasetName: string;
	/** Non-product codes (postage, fees …) to count as products after all. */
	includeNonProduct?: string[];
	/** Add the rows to this stored dataset (de-duplicated against it) instead of making a new one. */
	appendTo?: string;
	/** ISO 4217 code of the file's money (detected or chosen at import); ignored when appending. */
	currency?: string;
	/**
	 * The first day of the new dataset's weeks (the shop's country's: Sunday for a US shop); absent:
	 * Monday. Ignored when appending (the dataset keeps its own).
	 */
	weekStart?: WeekStart;
}

/** What appending an export to a stored dataset did. */
export interface AppendSummary {
	/** Name of the dataset the rows were added to. */
	targetName: string;
	/** Rows added (sales, returns and left-out lines), and the sales lines among them. */
	newRows: number;
	newSales: number;
	/** Rows of the file already stored (same order, product, date and quantity, or the same whole line). */
	duplicateRows: number;
	/** Epoch ms of the period the file and the stored data both cover, if any. */
	overlapFrom?: number;
	overlapTo?: number;
	/** Stored sales lines left out now: the file says their order was refunded or cancelled since. */
	statusLeftOut?: { lines: number; orders: number; units: number };
	/** Stored lines of a refunded/cancelled order counted again: the file no longer says so. */
	statusCountedAgain?: { lines: number; orders: number };
	/** Stored sales lines the file says were refunded (in part) since: the sold units taken off. */
	refundedSince?: { lines: number; units: number };
	/** Stored sales cancelled by a return in the file (same customer or order, product, quantity). */
	cancelledStored?: { lines: number; units: number };
}

/** Why a line is not a product (src/core/ingest/non-product.ts). */
export type NonProductReason = 'fee_code' | 'fee_description' | 'fee_pattern';

/** Lines, orders, units and revenue of a group of lines. */
export interface LineTotals {
	lines: number;
	orders: number;
	units: number;
	revenue: number;
}

/** What the order-status rule did. */
export interface StatusSummary {
	/** Lines of excluded orders (refunded, cancelled …), not counted as sales. */
	excluded: LineTotals & { statuses: string[] };
	/** Lines of pending / on-hold / unpaid orders, counted as sales. */
	pending: LineTotals & { statuses: string[] };
}

/** One product code found to be a non-product line. */
export interface NonProductItem {
	productId: string;
	description: string;
	reason: NonProductReason;
	lines: number;
	units: number;
	revenue: number;
	/** The owner counted it back in as a product. */
	included: boolean;
}

/** What the non-product rule did. */
export interface NonProductSummary extends LineTotals {
	items: NonProductItem[];
}

/** What the import did, shown after commit and kept with the dataset. */
export interface ImportReport {
	rowsRead: number;
	rowsImported: number;
	/** Rows with negative quantity (returns/cancellations): kept apart, not counted as sales. */
	returnRows: number;
	returnUnits: number;
	duplicateRows: number;
	invalidRows: number;
	/**
	 * Sales cancelled by a matching later return (same customer, product and quantity), not counted as
	 * sales; absent in datasets imported before this rule.
	 */
	cancelledRows?: number;
	cancelledUnits?: number;
	/** Order-status rule (with a status column): excluded and pending orders. */
	status?: StatusSummary;
	/** Non-product lines (postage, fees …) found; absent in datasets imported before this rule. */
	nonProduct?: NonProductSummary;
	/** Set when this import was added to an existing dataset. */
	append?: AppendSummary;
	/** Partial refunds read from a refunded-quantity column (absent without one, or before this rule). */
	refunds?: RefundSummary;
	/** Discounts taken off the revenue (absent without a discount column, or before this rule). */
	discounts?: DiscountSummary;
	issues: ImportIssue[];
}

/** Sales lines made smaller by a later refund of some (or all) of their units. */
export interface RefundSummary {
	/** Lines of kept orders with a refunded quantity; `fullLines` of them refunded whole (now returns). */
	lines: number;
	fullLines: number;
	/** Units and revenue taken off those lines. */
	units: number;
	revenue: number;
}

/** Discounts taken off the sales lines' revenue. */
export interface DiscountSummary {
	/** 'line': each line's own discount; 'order': an order discount shared out by line revenue. */
	source: 'line' | 'order';
	/** Lines whose revenue went down, and the orders they belong to. */
	lines: number;
	orders: number;
	/** Money taken off. */
	amount: number;
}

/** A stored dataset, as listed in the UI. */
export interface DatasetMeta {
	id: string;
	name: string;
	fileName: string;
	createdAt: number;
	rowCount: number;
	productCount: number;
	/** Epoch ms (UTC) of the first and last sale. */
	dateMin: number;
	dateMax: number;
	/** Size of the stored Parquet bytes. */
	bytes: number;
	mapping: ColumnMapping;
	report: ImportReport;
	/** Non-product codes the owner counts as products (kept with the dataset, re-applied on append). */
	includeNonProduct?: string[];
	/**
	 * ISO 4217 code of the dataset's money: read from the file, else chosen at import, editable later.
	 * Absent in datasets imported before currencies were kept (the UI then uses the browser's region).
	 */
	currency?: string;
	/**
	 * The first day of the dataset's weeks (0 Sunday … 6 Saturday): set at import from the shop's
	 * country, editable in Settings. Absent: Monday — datasets stored before it was kept keep the weeks
	 * their forecasts, plans and exports were made in (series/week-start.ts weekStartOf).
	 */
	weekStart?: WeekStart;
}

/** Totals per product for the Explore list. */
export interface ProductSummary {
	productId: string;
	description: string;
	category: string;
	units: number;
	revenue: number;
	orders: number;
	firstSale: number;
	lastSale: number;
}

/** Progress of a long job, sent at most a few times per second. */
export interface Progress {
	phase: string;
	done: number;
	total: number;
}
