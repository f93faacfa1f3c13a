// Top-k selection over a dense score array (a small binary heap), shared by the recommenders.

/** Indices of the k largest finite positive scores, best first; ties broken by lower index. */
export function topK(
	scores: ArrayLike<number>,
	k: number,
	skip?: (i: number) => boolean,
): { index: number; score: number }[] {
	const heapI: number[] = [];
	const heapS: number[] = [];
	// Min-heap on (score, -index): the root is the weakest kept candidate.
	const less = (a: number, b: number) =>
		heapS[a] < heapS[b] || (heapS[a] === heapS[b] && heapI[a] > heapI[b]);
	const swap = (a: number, b: number) => {
		[heapI[a], heapI[b]] = [heapI[b], heapI[a]];
		[heapS[a], heapS[b]] = [heapS[b], heapS[a]];
	};
	for (let i = 0; i < scores.length; i++) {
		const s = scores[i];
		if (!(s > 0) || !Number.isFinite(s) || skip?.(i)) continue;
		if (heapI.length < k) {
			heapI.push(i);
			heapS.push(s);
			let c = heapI.length - 1;
			while (c > 0) {
				const p = (c - 1) >> 1;
				if (!less(c, p)) break;
				swap(c, p);
				c = p;
			}
		} else if (k > 0 && (s > heapS[0] || (s === heapS[0] && i < heapI[0]))) {
			heapI[0] = i;
			heapS[0] = s;
			let p = 0;
			for (;;) {
				const l = 2 * p + 1;
				const r = l + 1;
				let m = p;
				if (l < heapI.length && less(l, m)) m = l;
				if (r < heapI.length && less(r, m)) m = r;
				if (m === p) break;
				swap(p, m);
				p = m;
			}
		}
	}
	return heapI
		.map((index, j) => ({ index, score: heapS[j] }))
		.sort((a, b) => b.score - a.score || a.index - b.index);
}
