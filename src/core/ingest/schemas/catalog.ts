// Product-catalog schema: id, title, description, category, attributes (colour, fabric, …), price and
// launch date, en + zh headers (VISUELLE's external_code/category/color/fabric/release_date included).
// Columns without a role are kept as attributes. Pure; see records.ts.
import { readRecords, type RoleSpec } from './records';
import type { RawTable, SchemaResult } from './table';

/** One catalog product. */
export interface CatalogRecord {
	row: number;
	id: string;
	title: string;
	description: string;
	category: string;
	/** Attribute name → value (colour, fabric, season, …). */
	attributes: Record<string, string>;
	price: number | null;
	/** Epoch ms; null when unknown. */
	launch: number | null;
}

/** Roles of a catalog file. */
export const CATALOG_ROLES = {
	id: {
		synonyms: [
			'external_code',
			'product_id',
			'id',
			'sku',
			'product',
			'item_id',
			'style',
			'商品编号',
			'商品id',
			'款号',
			'货号',
			'编号',
		],
		type: 'text',
		required: true,
	},
	title: {
		synonyms: [
			'title',
			'name',
			'product name',
			'product_title',
			'标题',
			'商品名称',
			'名称',
			'品名',
		],
		type: 'text',
	},
	description: {
		synonyms: ['description', 'body', 'details', '描述', '详情', '商品描述'],
		type: 'text',
	},
	category: {
		synonyms: ['category', 'type', 'product_type', 'class', '类目', '类别', '品类', '分类'],
		type: 'text',
	},
	price: {
		synonyms: ['price', 'retail price', 'unit price', '价格', '售价', '零售价', '吊牌价'],
		type: 'optionalNumber',
	},
	launch: {
		synonyms: [
			'release_date',
			'launch_date',
			'launch',
			'release date',
			'first sale',
			'上市日期',
			'上架时间',
			'发布日期',
			'上新日期',
		],
		type: 'date',
	},
} satisfies Record<string, RoleSpec>;

/** Attribute columns kept when present (others that look like numbers or paths are left out). */
const ATTRIBUTE_RE =
	/^(color|colour|fabric|material|season|extra|pattern|style|size|gender|brand|颜色|面料|材质|季节|风格|品牌)$/i;

/** Catalog products of a table. */
export function readCatalog(
	table: RawTable,
	override: Partial<Record<keyof typeof CATALOG_ROLES, string>> = {},
): SchemaResult<CatalogRecord> {
	const res = readRecords('catalog', CATALOG_ROLES, table, override);
	const used = new Set(Object.values(res.mapping));
	const attrCols = table.header
		.map((h, i) => ({ h, i }))
		.filter(({ h }) => !used.has(h) && ATTRIBUTE_RE.test(h.trim()));
	return {
		records: res.records.map((r) => {
			const cells = table.rows[r.row - 1];
			const attributes: Record<string, string> = {};
			for (const { h, i } of attrCols)
				if ((cells[i] ?? '').trim() !== '') attributes[h] = cells[i].trim();
			return {
				row: r.row,
				id: String(r.id),
				title: r.title === null ? '' : String(r.title),
				description: r.description === null ? '' : String(r.description),
				category: r.category === null ? '' : String(r.category),
				attributes,
				price: r.price === null ? null : Number(r.price),
				launch: r.launch === null ? null : Number(r.launch),
			};
		}),
		issues: res.issues,
		mapping: res.mapping,
	};
}
