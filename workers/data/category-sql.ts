// The category of a sale as SQL over a stored sales table: the mapped category column, else (for exports
// without one, like the UCI demo) the description's last word. Used by the hierarchy and by product
// series that borrow their category's season.

/** SQL of a description's last word, upper case, a plural s dropped (not from -ss words). */
export const DESCRIPTION_CATEGORY_SQL = `regexp_replace(upper(regexp_extract(trim(coalesce(description, '')), '([^\\s]+)$', 1)), '^(.{3,}[^S])S$', '\\1')`;
