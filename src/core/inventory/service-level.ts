// A service level as people write it: a share (0.95) or a percentage (95). The plan CLI's
// --service-level and the Plan screen's target fields read it the same way. Pure TypeScript.

/** Shares accepted: 0.5 … 0.9999 (below 50 % is no service target; 1 would need infinite stock). */
export const SERVICE_SHARE_MIN = 0.5;
export const SERVICE_SHARE_MAX = 0.9999;

/**
 * The service level as a share in [0.5, 0.9999], from a share (0.5 … 0.9999) or a percentage
 * (50 … 99.99); null for anything else (empty, not a number, 2, 1, 100, 0.3, 99.999). "2" is not
 * read as 2 %: nobody plans for a 2 % fill rate, it is a typo or a misread unit.
 */
export function parseServiceLevel(raw: string | number): number | null {
	const text = typeof raw === 'number' ? String(raw) : raw.trim().replace(/%$/, '').trim();
	if (text === '' || !/^[+]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return null;
	const v = Number(text);
	if (!Number.isFinite(v)) return null;
	const eps = 1e-9;
	if (v >= SERVICE_SHARE_MIN - eps && v <= SERVICE_SHARE_MAX + eps) return v;
	if (v >= 100 * SERVICE_SHARE_MIN - eps && v <= 100 * SERVICE_SHARE_MAX + eps) return v / 100;
	return null;
}
