// User Timing marks of the app's start (tests/bench/startup.ts reads them from the page and the data
// worker): the phases of a returning visit, from DuckDB's start to the stored dataset in DuckDB. Best
// effort and cheap (a mark is a timestamp); absent `performance` (or a full buffer) is ignored.

/** Marks `tc:<name>` in this realm's performance timeline (page or worker). */
export function startupMark(name: string, detail?: string | number): void {
	try {
		performance.mark(`tc:${name}`, detail === undefined ? undefined : { detail });
	} catch {
		/* timing is optional */
	}
}
