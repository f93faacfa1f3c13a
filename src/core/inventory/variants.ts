// Which products are sizes or colours of one style, read from the product name and SKU as shops export
// them: Shopify line-item names "Wrap Dress - M / Navy", Tmall attributes "颜色分类:黑色 尺码:L",
// "Tee (XL)", "Tee, size 38", and SKUs ending in size or colour tokens ("TEE-BLK-M", "DRESS_RED_38").
// Used by the plan to buy per style and split the order over the variants by their sales mix
// (split.ts). Products that are not recognisably a variant keep their own plan. Pure TypeScript.
import type { SeriesBatch } from '../types';

/** A style with two or more variants among the products. */
export interface Style {
	/** Stable key ("style:" + normalised base). */
	key: string;
	/** Base name as shown (e.g. "Wrap Dress"). */
	label: string;
	/** Product ids of the variants, in the order given. */
	members: string[];
	/** Variant label per member ("M / Navy"). */
	options: string[];
}

const SIZE_WORDS = new Set([
	'xxxs',
	'xxs',
	'xs',
	's',
	'm',
	'l',
	'xl',
	'xxl',
	'xxxl',
	'2xl',
	'3xl',
	'4xl',
	'5xl',
	'os',
	'onesize',
	'one size',
	'f',
	'free',
	'freesize',
	'small',
	'medium',
	'large',
	'petite',
	'均码',
	'大码',
	'小码',
	'中码',
]);

const COLOUR_WORDS = new Set(
	(
		'black blk white wht red navy nvy blue blu green grn grey gray gry pink pnk beige brown brn ' +
		'cream ivory khaki olive orange purple yellow gold silver camel tan nude coral mint teal ' +
		'burgundy wine charcoal denim multi natural ecru stone sand 黑 白 红 蓝 绿 灰 粉 米 棕 咖 黄 紫 橙 ' +
		'黑色 白色 红色 蓝色 绿色 灰色 粉色 米色 棕色 咖啡色 黄色 紫色 橙色 藏青 藏青色 卡其 卡其色 杏色 酒红 ' +
		'酒红色 深灰 浅灰 深蓝 浅蓝 花灰 深花灰'
	).split(' '),
);

/** A size: a size word, a number 0–60 (EU/UK/US sizes, shoe sizes with halves), "32x34", or "W32". */
export function isSize(token: string): boolean {
	const t = token.trim().toLowerCase();
	if (!t) return false;
	if (SIZE_WORDS.has(t)) return true;
	if (/^(size|尺码|码)\s*[:：]?\s*\S+$/.test(t)) return true;
	if (/^\d{1,2}(\.5)?$/.test(t)) return Number(t) <= 60;
	if (/^\d{2}\s*[x/]\s*\d{2}$/.test(t)) return true;
	if (/^[wl]\d{2}$/.test(t)) return true;
	if (/^(uk|us|eu)\s?\d{1,2}(\.5)?$/.test(t)) return true;
	return /^\d{2,3}(码|号)$/.test(t) || /^\d{3}\/\d{2,3}[a-z]?$/.test(t);
}

/** A colour: a colour word, or a phrase whose last word is one ("Dark Navy", "2010 黑色"). */
export function isColour(token: string): boolean {
	const t = token.trim().toLowerCase();
	if (!t) return false;
	if (COLOUR_WORDS.has(t)) return true;
	const words = t.split(/\s+/);
	return words.length <= 3 && COLOUR_WORDS.has(words[words.length - 1]);
}

const isOption = (t: string) => isSize(t) || isColour(t);

/** Base and option label of one product, or null when nothing marks it as a variant. */
export function parseVariant(
	productId: string,
	description: string,
): { base: string; option: string; fromSku?: boolean } | null {
	const d = description.trim();
	// Tmall / Taobao attribute strings: "颜色分类:2010 黑色 尺码:L" (base = the product id)
	if (/(颜色分类|尺码|颜色|尺寸)\s*[:：]/.test(d)) {
		const opts = [
			...d.matchAll(
				/(?:颜色分类|尺码|颜色|尺寸)\s*[:：]\s*([^;；,，]+?)(?=\s*(?:颜色分类|尺码|颜色|尺寸)\s*[:：]|[;；,，]|$)/g,
			),
		]
			.map((m) => m[1].trim())
			.filter(Boolean);
		const base = d.replace(/(颜色分类|尺码|颜色|尺寸)\s*[:：].*$/, '').trim();
		if (opts.length && base) return { base, option: opts.join(' / ') };
	}
	// Shopify: "Title - Option1 / Option2", the options sizes or colours
	const dash = d.lastIndexOf(' - ');
	if (dash > 0) {
		const opts = d
			.slice(dash + 3)
			.split('/')
			.map((s) => s.trim());
		if (opts.length && opts.every((o) => o && isOption(o)))
			return { base: d.slice(0, dash).trim(), option: opts.join(' / ') };
	}
	// "Tee (XL)", "Tee, size 38", "Tee - size 38"
	const paren = /^(.+?)\s*[(（]\s*([^()（）]+?)\s*[)）]$/.exec(d);
	if (paren && paren[2].split('/').every((o) => isOption(o)))
		return { base: paren[1].trim(), option: paren[2].trim() };
	const comma = /^(.+?),\s*(?:size\s+)?([^,]+)$/i.exec(d);
	if (comma && isOption(comma[2])) return { base: comma[1].trim(), option: comma[2].trim() };
	// SKU: trailing size/colour tokens after - or _ ("TEE-BLK-M" → base "TEE")
	const tokens = productId.trim().split(/[-_]/);
	let k = tokens.length;
	while (k > 1 && isOption(tokens[k - 1])) k--;
	if (k < tokens.length && k >= 1) {
		const base = tokens.slice(0, k).join('-');
		if (base.length >= 2) return { base, option: tokens.slice(k).join(' / '), fromSku: true };
	}
	return null;
}

const norm = (s: string) =>
	s
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();

/**
 * Styles with at least two variants among `products`. A product belongs to at most one style; one
 * whose name and SKU both parse is grouped by name (names carry the style; SKUs often only a code).
 */
export function groupStyles(
	products: readonly { productId: string; description: string }[],
): Style[] {
	const byKey = new Map<string, Style>();
	const skuNames = new Map<string, Set<string>>();
	for (const p of products) {
		const v = parseVariant(p.productId, p.description);
		if (!v) continue;
		const key = `style:${norm(v.base)}`;
		if (key === 'style:') continue;
		const s = byKey.get(key) ?? { key, label: v.base, members: [], options: [] };
		if (s.members.includes(p.productId)) continue;
		s.members.push(p.productId);
		s.options.push(v.option);
		byKey.set(key, s);
		if (v.fromSku) {
			const names = skuNames.get(key) ?? new Set<string>();
			names.add(norm(p.description));
			skuNames.set(key, names);
		}
	}
	// Not variants: two products with the same option (the name hides what tells them apart), or
	// SKU-suffix groups whose names differ (e.g. gift vouchers gift_0001_10/_20 "Voucher £10.00"/"£20.00":
	// real sizes of one style share its name)
	const styles = [...byKey.values()].filter(
		(s) =>
			s.members.length >= 2 &&
			new Set(s.options.map((o) => o.toLowerCase())).size === s.options.length &&
			(skuNames.get(s.key)?.size ?? 1) <= 1,
	);
	// variants in size order (XS, S, M, L, XL…; 36, 38, 40), colours and the rest by name
	for (const s of styles) {
		const order = s.members
			.map((m, i) => ({ m, o: s.options[i] }))
			.sort((a, b) => compareOptions(a.o, b.o));
		s.members = order.map((x) => x.m);
		s.options = order.map((x) => x.o);
	}
	return styles;
}

const LETTER_SIZES = ['xxxs', 'xxs', 'xs', 's', 'm', 'l', 'xl', 'xxl', 'xxxl', '4xl', '5xl'];

/** Rank of a size for sorting (letter sizes, then numbers by value); null for other options. */
function sizeRank(token: string): number | null {
	const t = token.trim().toLowerCase();
	const alias: Record<string, string> = {
		small: 's',
		medium: 'm',
		large: 'l',
		'2xl': 'xxl',
		'3xl': 'xxxl',
		小码: 's',
		中码: 'm',
		大码: 'l',
	};
	const l = LETTER_SIZES.indexOf(alias[t] ?? t);
	if (l >= 0) return l;
	const n = /^(?:size\s*|uk\s?|us\s?|eu\s?|w)?(\d+(?:\.\d+)?)/.exec(t);
	return n ? 100 + Number(n[1]) : null;
}

/** Compares variant labels ("M / Navy"): by the first size found, then by the text. */
function compareOptions(a: string, b: string): number {
	const rank = (o: string) =>
		o
			.split('/')
			.map((p) => sizeRank(p))
			.find((r) => r !== null) ?? null;
	const ra = rank(a);
	const rb = rank(b);
	if (ra !== null && rb !== null && ra !== rb) return ra - rb;
	if (ra !== null && rb === null) return -1;
	if (ra === null && rb !== null) return 1;
	return a.localeCompare(b);
}

/** A variant's share of its style's recent sales (units over the mix window). */
export interface StyleMix {
	productId: string;
	option: string;
	units: number;
}

/**
 * Replaces the variants of each style by one series, their sum per period (on the union of their
 * dates), and returns each style's sales mix over its last `recentPeriods` periods (the whole history
 * when those sold nothing). Series of products not in a style pass through unchanged. Regressors are
 * dropped for pooled series (a style has no single price).
 */
export function poolStyles(
	batch: SeriesBatch,
	styles: readonly Style[],
	recentPeriods = 12,
): { batch: SeriesBatch; mixes: Map<string, StyleMix[]> } {
	const index = new Map(batch.ids.map((id, i) => [id, i]));
	const memberOf = new Map<string, Style>();
	for (const s of styles) {
		const present = s.members.filter((m) => index.has(m));
		if (present.length < 2) continue;
		for (const m of present) memberOf.set(m, s);
	}
	const ids: string[] = [];
	const ds: number[] = [];
	const y: number[] = [];
	const indptr: number[] = [0];
	const mixes = new Map<string, StyleMix[]>();
	const done = new Set<string>();
	for (let i = 0; i < batch.ids.length; i++) {
		const id = batch.ids[i];
		const style = memberOf.get(id);
		if (!style) {
			ids.push(id);
			for (let k = batch.indptr[i]; k < batch.indptr[i + 1]; k++) {
				ds.push(batch.ds[k]);
				y.push(batch.y[k]);
			}
			indptr.push(y.length);
			continue;
		}
		if (done.has(style.key)) continue;
		done.add(style.key);
		const members = style.members.filter((m) => index.has(m));
		const sum = new Map<number, number>();
		for (const m of members) {
			const j = index.get(m)!;
			for (let k = batch.indptr[j]; k < batch.indptr[j + 1]; k++) {
				const v = batch.y[k];
				sum.set(batch.ds[k], (sum.get(batch.ds[k]) ?? 0) + (Number.isFinite(v) ? v : 0));
			}
		}
		const dates = [...sum.keys()].sort((a, b) => a - b);
		const recentFrom = dates[Math.max(0, dates.length - recentPeriods)] ?? -Infinity;
		const mixOf = (from: number) =>
			members.map((m) => {
				const j = index.get(m)!;
				let units = 0;
				for (let k = batch.indptr[j]; k < batch.indptr[j + 1]; k++)
					if (batch.ds[k] >= from && Number.isFinite(batch.y[k])) units += batch.y[k];
				return { productId: m, option: style.options[style.members.indexOf(m)], units };
			});
		let mix = mixOf(recentFrom);
		if (mix.every((m) => !(m.units > 0))) mix = mixOf(-Infinity);
		mixes.set(style.key, mix);
		ids.push(style.key);
		for (const d of dates) {
			ds.push(d);
			y.push(sum.get(d)!);
		}
		indptr.push(y.length);
	}
	return {
		batch: {
			ids,
			indptr: Int32Array.from(indptr),
			ds: Float64Array.from(ds),
			y: Float64Array.from(y),
		},
		mixes,
	};
}
