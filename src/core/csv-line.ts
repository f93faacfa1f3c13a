// Splits one CSV line into cells (RFC 4180 double quotes, no embedded newlines). Used by the batch CLI
// and by tests that read the CSV files the app and the CLI write.

/** One CSV line → its cells, with quotes removed and doubled quotes unescaped. */
export function splitCsvLine(line: string): string[] {
	if (!line.includes('"')) return line.split(',');
	const out: string[] = [];
	let cur = '';
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const c = line[i];
		if (quoted) {
			if (c === '"' && line[i + 1] === '"') {
				cur += '"';
				i++;
			} else if (c === '"') quoted = false;
			else cur += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') {
			out.push(cur);
			cur = '';
		} else cur += c;
	}
	out.push(cur);
	return out;
}
