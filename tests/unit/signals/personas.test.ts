// Personas: planted author groups are recovered and described (interests, tone, activity, engagement,
// daypart, aspects); reviews without authors become voices; too few units give none.
import { describe, expect, it } from 'vitest';
import {
	findPersonas,
	isMaskedAuthor,
	kMeans,
	type PersonaDoc,
} from '../../../src/core/signals/personas';
import { rng } from '../../../src/core/signals/sentiment';

const HOUR = 3_600_000;
const T0 = Date.UTC(2024, 0, 1);

function planted(): PersonaDoc[] {
	const rand = rng(11);
	const docs: PersonaDoc[] = [];
	// 30 critics: 6 posts each at night, about 尺码/偏小 of 连衣裙, negative, little engagement.
	for (let a = 0; a < 30; a++)
		for (let k = 0; k < 6; k++)
			docs.push({
				author: `c${a}`,
				ts: T0 + (a * 6 + k) * 24 * HOUR + 2 * HOUR,
				terms: ['连衣裙', '尺码', '偏小', rand() < 0.5 ? '退货' : '失望'],
				hashtags: [],
				engagement: Math.floor(rand() * 3),
				tone: -1,
			});
	// 50 fans: 1–2 posts each in the afternoon about yeezy sneakers, positive, widely shared.
	for (let a = 0; a < 50; a++)
		for (let k = 0; k < 1 + (a % 2); k++)
			docs.push({
				author: `f${a}`,
				ts: T0 + (a * 2 + k) * 24 * HOUR + 14 * HOUR,
				terms: ['yeezy', 'sneaker', rand() < 0.5 ? 'love' : 'drop'],
				hashtags: ['yeezy'],
				engagement: 200 + Math.floor(rand() * 100),
				tone: 1,
			});
	return docs;
}

describe('personas', () => {
	it('masked names ("t***1", as Tmall exports them) are no authors: the texts become voices', () => {
		// walkthrough 2026-12-07: 18,389 Tmall reviews under 8,341 masks ("t***1" on 184 reviews) were
		// read as 8,260 authors writing 2.3 texts each
		const docs = planted().map((d) => ({
			...d,
			author: `${d.author[0]}***${d.author.at(-1)}`,
		}));
		const r = findPersonas(docs);
		expect(r.unit).toBe('voice');
		expect(r.masked).toBe(true);
		expect(r.units).toBe(docs.length);
		expect(isMaskedAuthor('天***w')).toBe(true);
		expect(isMaskedAuthor('c12')).toBe(false);
		// real names still make authors, without the flag
		const named = findPersonas(planted());
		expect(named.unit).toBe('author');
		expect(named.masked).toBeUndefined();
	});

	it('recovers two planted author groups and describes each', () => {
		const r = findPersonas(planted());
		expect(r.unit).toBe('author');
		expect(r.units).toBe(80);
		expect(r.k).toBe(2);
		expect(r.silhouette).toBeGreaterThan(0.5);
		const [fans, critics] = r.personas; // larger first
		expect(fans.members).toBe(50);
		expect(fans.share).toBeCloseTo(50 / 80, 10);
		expect(fans.texts).toBe(75);
		expect(fans.interests.slice(0, 3).sort()).toEqual(['#yeezy', 'sneaker', 'yeezy']);
		expect(fans.archetype).toBe('influencers');
		expect(fans.engagement).toBe('high');
		expect(fans.positive).toBe(1);
		expect(fans.daypart).toBe('afternoon');
		expect(fans.activity).toBe('low');
		expect(critics.members).toBe(30);
		expect(critics.textsPerMember).toBe(6);
		expect(critics.archetype).toBe('critics');
		expect(critics.negative).toBe(1);
		expect(critics.activity).toBe('high');
		expect(critics.engagement).toBe('low');
		expect(critics.daypart).toBe('night');
		expect(critics.interests.slice(0, 3).sort()).toEqual(['偏小', '尺码', '连衣裙'].sort());
		expect(critics.aspects[0]).toEqual({ aspect: 'size', pos: 0, neg: 180 });
		expect(critics.medianAge).toBeNull();
	});

	it('treats reviews without authors as voices and reports the median age', () => {
		const docs: PersonaDoc[] = [];
		for (let i = 0; i < 40; i++)
			docs.push({
				author: '',
				ts: null,
				terms: i < 20 ? ['fabric', 'thin', 'cheap'] : ['love', 'flattering', 'dress'],
				hashtags: [],
				engagement: 0,
				tone: i < 20 ? -1 : 1,
				age: i < 20 ? 60 + (i % 5) : 25 + (i % 3),
			});
		const r = findPersonas(docs);
		expect(r.unit).toBe('voice');
		expect(r.k).toBe(2);
		const critics = r.personas.find((p) => p.archetype === 'critics')!;
		const fans = r.personas.find((p) => p.archetype === 'fans')!;
		expect(critics.members).toBe(20);
		expect(critics.medianAge).toBe(62);
		expect(critics.aspects).toEqual([
			{ aspect: 'fabric', pos: 0, neg: 20 },
			{ aspect: 'price', pos: 0, neg: 20 },
		]);
		expect(fans.medianAge).toBe(26);
		expect(fans.daypart).toBeNull();
		expect(fans.activity).toBe('average');
	});

	it('needs at least 8 units', () => {
		const r = findPersonas(planted().filter((d) => ['c1', 'c2', 'f1'].includes(d.author)));
		expect(r.personas).toEqual([]);
		expect(r.k).toBe(0);
	});

	it('k-means separates two well-apart blobs exactly', () => {
		const pts = [
			...Array.from({ length: 10 }, (_v, i) => Float64Array.from([i * 0.01, 0])),
			...Array.from({ length: 10 }, (_v, i) => Float64Array.from([10 + i * 0.01, 5])),
		];
		const a = kMeans(pts, 2, 3);
		expect(new Set(a.slice(0, 10)).size).toBe(1);
		expect(new Set(a.slice(10)).size).toBe(1);
		expect(a[0]).not.toBe(a[10]);
	});
});
