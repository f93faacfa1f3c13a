// Guesses what each column of a sales export means (date, product, quantity, price, ...) from its
// header, in English and the export names of Shopify, WooCommerce and Square plus a few German,
// French, Spanish and Chinese words, then checks the guess against the sample values.
// Pure TypeScript; used by the data worker's preview and by unit tests.
import { statusShare } from './order-status';
import { dateShare, inferDateOrder, numberShare } from './parse';
import type { ColumnMapping, ColumnRole } from './types';

/** Header synonyms per role, normalised (lower case, letters/digits/CJK only), strongest first. */
const SYNONYMS: Record<ColumnRole, string[]> = {
	date: [
		'date',
		'invoicedate',
		'orderdate',
		'createdat',
		'paidat',
		'saledate',
		'salesdate',
		'transactiondate',
		'datetime',
		'timestamp',
		'day',
		'week',
		'month',
		'period',
		'releasedate',
		'fulfilledat',
		'datecreated',
		'orderdatetime',
		'time',
		'datum',
		'bestelldatum',
		'rechnungsdatum',
		'fecha',
		'fechadeventa',
		'datedecommande',
		'datedevente',
		'日期',
		'时间',
		'下单时间',
		'订单日期',
		'销售日期',
		'交易时间',
		'付款时间',
		'创建时间',
	],
	product: [
		'sku',
		'stockcode',
		'productid',
		'lineitemsku',
		'variantsku',
		'itemsku',
		'productsku',
		'itemid',
		'itemcode',
		'productcode',
		'articleid',
		'articlenumber',
		'artikelnummer',
		'artnr',
		'ean',
		'barcode',
		'gtin',
		'upc',
		'clothingid',
		'externalcode',
		'seriesid',
		'variantid',
		'referencia',
		'référence',
		'reference',
		'codigo',
		'código',
		'codearticle',
		'商品编码',
		'商品编号',
		'货号',
		'商品id',
		'款号',
		// Taobao / Tmall exports name the shop's own SKU code "商家编码" (also "外部系统编号")
		'商家编码',
		'商家外部编码',
		'外部系统编号',
		'sku编码',
		'product',
		'producto',
		'produit',
		'artikel',
		'item',
		'商品',
	],
	description: [
		'description',
		'lineitemname',
		'itemname',
		'productname',
		'producttitle',
		'title',
		'name',
		'item',
		'itemdescription',
		'productdescription',
		'variantname',
		// "<kind of product> name" headers (StockX's "Sneaker Name")
		'sneakername',
		'shoename',
		'stylename',
		'modelname',
		'articlename',
		'skuname',
		'goodsname',
		'bezeichnung',
		'produktname',
		'artikelname',
		'artikelbezeichnung',
		'beschreibung',
		'libellé',
		'libelle',
		'désignation',
		'designation',
		'nomduproduit',
		'descripción',
		'descripcion',
		'nombre',
		'nombredelproducto',
		'商品名称',
		// Taobao / Tmall order and item exports name the product "宝贝标题" (listing title)
		'宝贝标题',
		'宝贝名称',
		'商品标题',
		'商品名',
		'品名',
		'名称',
		'描述',
	],
	quantity: [
		'quantity',
		'qty',
		'lineitemquantity',
		'units',
		'unitssold',
		'quantitysold',
		'itemsold',
		'itemssold',
		'qtysold',
		'count',
		'pieces',
		'pcs',
		'menge',
		'anzahl',
		'stück',
		'stuck',
		'quantité',
		'quantite',
		'qté',
		'cantidad',
		'unidades',
		'数量',
		'销量',
		'件数',
		'销售数量',
		'sales',
		'value',
		'sold',
	],
	unitPrice: [
		'unitprice',
		'price',
		'lineitemprice',
		'itemprice',
		'itemcost',
		'saleprice',
		'unitcost',
		'priceperunit',
		'sellingprice',
		'retailprice',
		'preis',
		'einzelpreis',
		'stückpreis',
		'verkaufspreis',
		'prix',
		'prixunitaire',
		'precio',
		'preciounitario',
		'单价',
		'价格',
		'售价',
		'销售单价',
	],
	revenue: [
		'revenue',
		'netsales',
		'grosssales',
		'total',
		'totalsales',
		'linetotal',
		'subtotal',
		'amount',
		'salesamount',
		'totalprice',
		'netamount',
		'turnover',
		'lineitemtotal',
		'umsatz',
		'betrag',
		'gesamtbetrag',
		'gesamtpreis',
		'montant',
		'chiffredaffaires',
		'total ttc',
		'importe',
		'ventas',
		'ventasnetas',
		'金额',
		'销售额',
		'总价',
		'总金额',
		'实付金额',
		'营业额',
		'sales',
		// a store-week export's sales amount (Walmart's "Weekly_Sales", in dollars): a dataset with an
		// amount and no units opens on the amount (ExploreState)
		'weeklysales',
		'dailysales',
		'monthlysales',
	],
	category: [
		'category',
		'producttype',
		'productcategory',
		'categoryname',
		'type',
		'classname',
		'class',
		'departmentname',
		'department',
		'divisionname',
		'industry',
		'group',
		'productgroup',
		'collection',
		'vendor',
		'brand',
		'kategorie',
		'warengruppe',
		'catégorie',
		'categorie',
		'categoría',
		'categoria',
		'familia',
		'类别',
		'分类',
		'品类',
		'类目',
		'商品类别',
	],
	store: [
		'store',
		'location',
		'storename',
		'shop',
		'branch',
		'outlet',
		'channel',
		'warehouse',
		'state',
		'region',
		'country',
		'filiale',
		'geschäft',
		'laden',
		'standort',
		'magasin',
		'boutique',
		'tienda',
		'sucursal',
		'门店',
		'店铺',
		'店名',
		'仓库',
		'渠道',
	],
	customer: [
		'customerid',
		'customer',
		'customername',
		'email',
		'customeremail',
		'billingname',
		'clientid',
		'client',
		'kunde',
		'kundennummer',
		'kundenid',
		'cliente',
		'客户',
		'客户id',
		'会员',
		'买家',
	],
	order: [
		'invoiceno',
		'invoice',
		'invoicenumber',
		'orderid',
		'ordernumber',
		'order',
		'orderno',
		'receiptnumber',
		'receiptno',
		'transactionid',
		'ticket',
		'name',
		'bestellnummer',
		'rechnungsnummer',
		'auftragsnummer',
		'commande',
		'numérodecommande',
		'pedido',
		'numerodepedido',
		'factura',
		'订单号',
		'订单编号',
		'单号',
		'小票号',
	],
	status: [
		'financialstatus',
		'orderstatus',
		'paymentstatus',
		'transactionstatus',
		'orderstate',
		'status',
		'state',
		// Square's "Event Type" (Payment / Refund)
		'eventtype',
		'transactiontype',
		'bestellstatus',
		'zahlungsstatus',
		'statutdecommande',
		'estadodelpedido',
		'订单状态',
		'交易状态',
		'付款状态',
		'支付状态',
		'退款状态',
		'状态',
	],
	// Per line: WooCommerce order-export plugins' "Qty Refunded" (−1 when one of two came back),
	// Magento's and Square's "Qty Refunded"; Chinese order and return lists "退款数量" / "退货数量".
	refundQty: [
		'qtyrefunded',
		'quantityrefunded',
		'refundedqty',
		'refundedquantity',
		'itemqtyrefunded',
		'refundqty',
		'refundquantity',
		'unitsrefunded',
		'已退款数量',
		'退款数量',
		'退货数量',
	],
	// Per line only: WooCommerce "Item Refunded", Advanced Order Export's "Order Line Total Refunded".
	// Shopify's "Refunded Amount" and WooCommerce's "Order Refund Amount" are the whole order's: not these.
	refundAmount: [
		'itemrefunded',
		'itemrefundedamount',
		'itemamountrefunded',
		'linetotalrefunded',
		'orderlinetotalrefunded',
		'lineitemrefunded',
		'linerefunded',
		'linerefundamount',
	],
	// Per line: Shopify "Lineitem discount", WooCommerce "Item Discount Amount" / "Line Discount",
	// Square item details "Discounts".
	discount: [
		'lineitemdiscount',
		'itemdiscount',
		'itemdiscountamount',
		'linediscount',
		'linediscountamount',
		'discounts',
	],
	// The whole order's: WooCommerce "Cart Discount Amount" (on every line of the order), Shopify
	// "Discount Amount" (on the order's first line).
	orderDiscount: [
		'cartdiscountamount',
		'cartdiscount',
		'discountamount',
		'orderdiscount',
		'orderdiscountamount',
		'totaldiscount',
		'totaldiscounts',
		'discounttotal',
	],
};

/** Roles of one line's money or units: a header naming the order, cart or tax is not theirs. */
const LINE_ROLES: ReadonlySet<ColumnRole> = new Set(['refundQty', 'refundAmount', 'discount']);

/** Whether a containment match of `h` (normalised) for `role` is a lookalike of another level. */
function otherLevel(h: string, role: ColumnRole): boolean {
	if (LINE_ROLES.has(role)) return /order|cart|tax/.test(h);
	if (role === 'orderDiscount') return /item|line|tax/.test(h);
	return false;
}

/** Generic words that count only as the whole header, never inside a longer one. */
const EXACT_ONLY: ReadonlySet<string> = new Set([
	'count',
	'value',
	'sales',
	'sold',
	'type',
	'class',
	'time',
	'name',
	'item',
	'group',
	'order',
	'state',
	'shop',
	'title',
	'product',
	'total',
	'price',
	'store',
	'client',
	'ticket',
	'invoice',
	'units',
	'status',
]);

/** A Taobao / Tmall variant attribute string: "颜色分类:黑色 尺码:L", "颜色：红色;尺寸：M". */
const ATTRIBUTE_VALUE = /(颜色分类|颜色|尺码|尺寸|规格|型号)\s*[:：]/;

/** Roles whose values must be numbers (the data worker parses these columns as numbers too). */
export const NUMERIC_COLUMN_ROLES = [
	'quantity',
	'unitPrice',
	'revenue',
	'refundQty',
	'refundAmount',
	'discount',
	'orderDiscount',
] as const satisfies readonly ColumnRole[];
const NUMERIC_ROLES: ReadonlySet<ColumnRole> = new Set(NUMERIC_COLUMN_ROLES);

/** Lower-cases and strips everything but letters, digits and CJK (so "Lineitem quantity" → "lineitemquantity"). */
export function normalizeHeader(header: string): string {
	return header
		.toLowerCase()
		.normalize('NFC')
		.replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Score of a header for a role: 100 for an exact synonym (earlier synonyms score higher), 40 for containment. */
export function headerScore(header: string, role: ColumnRole): number {
	const h = normalizeHeader(header);
	if (h === '') return 0;
	const list = SYNONYMS[role];
	const exact = list.indexOf(h);
	if (exact >= 0) return 100 - exact * 0.5;
	if (otherLevel(h, role)) return 0;
	for (let i = 0; i < list.length; i++) {
		const syn = list[i];
		// Short words ('day', 'qty', 'sku') would match too much inside longer headers.
		if (syn.length >= 4 && !EXACT_ONLY.has(syn) && h.includes(syn)) return 40 - i * 0.2;
		if (/\p{Script=Han}/u.test(syn) && h.includes(syn)) return 40 - i * 0.2;
	}
	return 0;
}

/** Checks sample values against a role; returns a factor in 0–1 that scales the header score. */
export function valueFit(role: ColumnRole, samples: readonly string[]): number {
	const vals = samples.filter((s) => s.trim() !== '');
	if (vals.length === 0) return 0.5;
	if (role === 'date') {
		const order = inferDateOrder(vals).order;
		const share = dateShare(vals, order, true);
		return share >= 0.6 ? 1 : 0;
	}
	if (NUMERIC_ROLES.has(role)) return numberShare(vals) >= 0.6 ? 1 : 0;
	// A status column holds status words (paid, refunded, 已退款 …), not US states or shop names.
	if (role === 'status') return statusShare(vals) >= 0.6 ? 1 : 0;
	if (role === 'store' && statusShare(vals) >= 0.6) return 0;
	// Shopify's "Name" column holds order numbers like "#1001".
	if (role === 'description' && vals.every((v) => /^#\d+$/.test(v.trim()))) return 0;
	// Taobao / Tmall "商品属性" / "销售属性" hold a listing's colour and size ("颜色:黑色;尺码:XL"), the
	// same strings across different products: never a product, order or customer key.
	if (
		(role === 'order' || role === 'product' || role === 'customer') &&
		vals.filter((v) => ATTRIBUTE_VALUE.test(v)).length >= vals.length * 0.6
	)
		return 0;
	if (role === 'order' || role === 'product' || role === 'customer') {
		// Identifiers are short; long free text is a description.
		return vals.every((v) => v.length <= 40) ? 1 : 0.2;
	}
	return 1;
}

/** One column to classify: its header and a few sample values. */
export interface ColumnSample {
	name: string;
	sample: readonly string[];
}

/**
 * Assigns at most one role per column and one column per role, best scores first. Date columns
 * without a recognisable header are found by their values. When only a product name exists it
 * becomes the product key.
 */
export function guessMapping(columns: readonly ColumnSample[]): ColumnMapping {
	const candidates: { role: ColumnRole; name: string; score: number; index: number }[] = [];
	columns.forEach((col, index) => {
		for (const role of Object.keys(SYNONYMS) as ColumnRole[]) {
			const hs = headerScore(col.name, role);
			if (hs <= 0) continue;
			const score = hs * valueFit(role, col.sample);
			if (score > 0) candidates.push({ role, name: col.name, score, index });
		}
	});
	candidates.sort((a, b) => b.score - a.score || a.index - b.index);
	const mapping: ColumnMapping = {};
	const used = new Set<string>();
	for (const c of candidates) {
		if (mapping[c.role] !== undefined || used.has(c.name)) continue;
		mapping[c.role] = c.name;
		used.add(c.name);
	}
	if (mapping.date === undefined) {
		const byValue = columns.find(
			(c) =>
				!used.has(c.name) && valueFit('date', c.sample) === 1 && c.sample.some((s) => /\D/.test(s)),
		);
		if (byValue) {
			mapping.date = byValue.name;
			used.add(byValue.name);
		}
	}
	if (mapping.product === undefined && mapping.description !== undefined) {
		mapping.product = mapping.description;
		delete mapping.description;
	}
	return mapping;
}

/** Inverse of a mapping: column name → role. */
export function rolesByColumn(mapping: ColumnMapping): Map<string, ColumnRole> {
	const out = new Map<string, ColumnRole>();
	for (const [role, name] of Object.entries(mapping) as [ColumnRole, string][]) out.set(name, role);
	return out;
}
