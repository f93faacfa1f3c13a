// A product as the views show it: the ids the import gives rows that name no product ("(all products)",
// "(blank)", stored as data) in the reader's language; any other id or description as it is.
import { ALL_PRODUCTS_ID, BLANK_PRODUCT_ID } from '../core/ingest/product-ids';
import { t } from './i18n';

/** `text` (a product id or description) for the screen. */
export function productLabel(text: string): string {
	if (text === ALL_PRODUCTS_ID) return t('product_no_column');
	if (text === BLANK_PRODUCT_ID) return t('product_blank');
	return text;
}

/**
 * The quiet line under a product's name in a list: its code when the name is a separate description,
 * and its category. A file whose only product column is the name (a Tmall export's 宝贝标题) has
 * description = id, so the name is not said twice.
 */
export function productSubline(p: {
	productId: string;
	description: string;
	category?: string;
}): string {
	const parts: string[] = [];
	if (p.description && p.description !== p.productId) parts.push(productLabel(p.productId));
	if (p.category) parts.push(p.category);
	return parts.join(' · ');
}
