// Words of the new-product form: an attribute's name as the form labels it. The app's own attribute
// (each past launch's category, from the sales file or a catalog's category column) is said in the UI
// language; a catalog's other columns (VISUELLE's color, fabric) keep the names the file gave them.
import { t } from '../../lib/i18n';

/** The label of a new-product attribute; `inSentence` for the "same category long sleeve" reasons. */
export function npAttrLabel(name: string, inSentence = false): string {
	if (name !== 'category') return name;
	return t(inSentence ? 'market_np_attr_category_word' : 'market_np_attr_category');
}
