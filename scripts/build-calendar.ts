// Builds src/core/calendar/holidays.json: each supported country's public holidays 2010–2035 from
// `date-holidays`, China's official holidays and make-up working days from `chinese-days` (as
// announced; later years from date-holidays' rules), and the lunar dates the festival rules need
// (七夕, Spring Festival). Run `npm run build:calendar` after updating either package; the app ships
// the compact table (both packages are dev dependencies: date-holidays alone is 12 MB).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Holidays from 'date-holidays';
import chineseDays from 'chinese-days';
// the package's own data file (holidays and announced make-up working days, 2004–2026)
import CN_JSON from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { isZhName, ZH_NAMES } from './calendar-zh';

const FROM = 2010;
const TO = 2035;
export const COUNTRIES = [
	'CN',
	'HK',
	'TW',
	'SG',
	'JP',
	'KR',
	'US',
	'CA',
	'GB',
	'IE',
	'AU',
	'NZ',
	'DE',
	'FR',
	'IT',
	'ES',
	'NL',
	'BE',
	'AT',
	'CH',
	'SE',
	'DK',
	'NO',
	'PL',
];

const slug = (name: string): string =>
	name
		.replace(/\(.*?\)/g, '')
		.trim()
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
const compact = (iso: string): string => iso.slice(0, 10).replaceAll('-', '');

interface CountryTable {
	/** key → [English name, local name, Simplified-Chinese name] */
	names: Record<string, [string, string, string]>;
	/** key → dates (yyyymmdd) */
	days: Record<string, string[]>;
	/** make-up working days (China) */
	workdays?: string[];
}

function country(code: string): CountryTable {
	const en = new Holidays(code);
	const local = new Holidays(code);
	const names: CountryTable['names'] = {};
	const days: CountryTable['days'] = {};
	const add = (key: string, date: string, enName: string, localName: string): void => {
		// the zh-CN interface's name: China's own, ours, or a local name already in Chinese (HK, TW)
		const zh = code === 'CN' ? localName : (ZH_NAMES[key] ?? localName);
		if (!isZhName(zh))
			throw new Error(
				`${code} holiday '${key}' (${enName}) has no Chinese name: add it to scripts/calendar-zh.ts`,
			);
		names[key] ??= [enName, localName, zh];
		(days[key] ??= []).push(compact(date));
	};
	const table: CountryTable = { names, days };
	if (code === 'CN') {
		table.workdays = [];
		for (const [d, v] of Object.entries(CN_JSON.holidays)) {
			const y = Number(d.slice(0, 4));
			if (y < FROM || y > 2026) continue;
			const [e, zh] = v.split(',');
			const key = slug(e) === 'tomb-sweeping-day' ? 'qingming-festival' : slug(e);
			add(key, d, key === 'qingming-festival' ? 'Qingming Festival' : e, zh);
		}
		for (const [d] of Object.entries(CN_JSON.workdays)) {
			const y = Number(d.slice(0, 4));
			if (y >= FROM && y <= 2026) table.workdays.push(compact(d));
		}
		table.workdays.sort();
	}
	for (let y = FROM; y <= TO; y++) {
		if (code === 'CN' && y <= 2026) continue; // from chinese-days above
		const list = en.getHolidays(y, 'en').filter((x) => x.type === 'public' || x.type === 'bank');
		const locals = local.getHolidays(y);
		for (const h of list) {
			const key = slug(h.name);
			if (!key) continue;
			const loc = locals.find((x) => x.date === h.date)?.name ?? h.name;
			add(key, h.date, h.name.replace(/\s*\(.*?\)/g, ''), loc.replace(/\s*[(（].*?[)）]/g, ''));
		}
	}
	for (const k of Object.keys(days)) days[k].sort();
	return table;
}

function lunar(): { qixi: string[]; springFestival: string[] } {
	const qixi: string[] = [];
	const springFestival: string[] = [];
	for (let y = FROM; y <= TO + 1; y++) {
		qixi.push(compact(chineseDays.getSolarDateFromLunar(`${y}-07-07`).date));
		springFestival.push(compact(chineseDays.getSolarDateFromLunar(`${y}-01-01`).date));
	}
	return { qixi, springFestival };
}

const out = {
	source: `date-holidays 3.37 (public and bank holidays), chinese-days 1.5 (China 2010–2026 with make-up working days)`,
	from: FROM,
	to: TO,
	countries: Object.fromEntries(COUNTRIES.map((c) => [c, country(c)])),
	lunar: lunar(),
};
const path = fileURLToPath(new URL('../src/core/calendar/holidays.json', import.meta.url));
writeFileSync(path, JSON.stringify(out));
process.stderr.write(`wrote ${path} (${JSON.stringify(out).length} bytes)\n`);
