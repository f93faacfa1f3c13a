// The product ids the import gives rows that name no product: the whole file when no column is the
// product (a till's daily totals), or the rows whose product cell is empty. Stored as data; the views
// show them in the reader's language (src/lib/product-label.ts).

/** Every row's product when no column was mapped to the product. */
export const ALL_PRODUCTS_ID = '(all products)';
/** The product of rows whose product cell is empty. */
export const BLANK_PRODUCT_ID = '(blank)';
