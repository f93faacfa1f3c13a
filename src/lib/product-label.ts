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
