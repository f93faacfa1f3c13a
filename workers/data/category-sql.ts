// The category of a sale as SQL over a stored sales table: the mapped category column, else (for exports
// without one, like the UCI demo) the description's last word. Used by the hierarchy and by product
// series that borrow their category's season.

import { GARMENT_PATTERN } from '../../src/core/text/garments';

/** SQL of a description's last word, upper case, a plural s dropped (not from -ss words). */
const LAST_WORD_SQL = `regexp_replace(upper(regexp_extract(trim(coalesce(description, '')), '([^\\s]+)$', 1)), '^(.{3,}[^S])S$', '\\1')`;

/**
 * The description's category: the first Chinese garment word in it (a Taobao title "… 加厚羽绒服女 中长款
 * 款026" → 羽绒服, walk16), else its last word ("… T-LIGHT HOLDER" → HOLDER).
 */
export const DESCRIPTION_CATEGORY_SQL = `coalesce(NULLIF(regexp_extract(coalesce(description, ''), '${GARMENT_PATTERN}', 1), ''), ${LAST_WORD_SQL})`;
