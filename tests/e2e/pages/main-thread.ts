// The page's main-thread tasks as Chromium's own tracer records them (CDP Tracing, the events the
// DevTools Performance panel shows): for each task its wall time AND the CPU time the main thread
// itself spent on it. The Long Tasks API gives wall time only, so on a loaded machine (2 cores, a
// dozen other processes) a 10 ms task that waited 60 ms for a core counts as a 70 ms "long task".
// The CPU time is the work the page's own code did in one go, what blocks the page on any machine:
// the e2e limits are on it, and the wall times are reported beside them.
import type { CDPSession, Page } from 'playwright-core';

/** One main-thread task: start (trace clock, ms), wall time and the main thread's CPU time (ms). */
export interface TracedTask {
	start: number;
	wall: number;
	cpu: number;
}

interface TraceEvent {
	name: string;
	ph: string;
	pid: number;
	tid: number;
	ts: number;
	dur?: number;
	tdur?: number;
	args?: { name?: string };
}

async function readStream(cdp: CDPSession, handle: string): Promise<string> {
	let text = '';
	for (;;) {
		const chunk = await cdp.send('IO.read', { handle, size: 1 << 20 });
		text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
		if (chunk.eof) break;
	}
	await cdp.send('IO.close', { handle });
	return text;
}

/**
 * Start recording the renderer main threads' tasks; `stop()` ends the recording and returns every
 * task that started in it (longest CPU time first).
 */
export async function traceMainThread(page: Page): Promise<{ stop(): Promise<TracedTask[]> }> {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Tracing.start', {
		transferMode: 'ReturnAsStream',
		traceConfig: {
			recordMode: 'recordContinuously',
			includedCategories: ['disabled-by-default-devtools.timeline', '__metadata'],
		},
	});
	return {
		async stop() {
			const done = new Promise<string>((resolve) =>
				cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream ?? '')),
			);
			await cdp.send('Tracing.end');
			const handle = await done;
			const text = await readStream(cdp, handle);
			await cdp.detach();
			const parsed = JSON.parse(text) as TraceEvent[] | { traceEvents: TraceEvent[] };
			const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
			const main = new Set(
				events
					.filter(
						(e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
					)
					.map((e) => `${e.pid}:${e.tid}`),
			);
			return events
				.filter(
					(e) =>
						e.ph === 'X' &&
						e.name === 'RunTask' &&
						main.has(`${e.pid}:${e.tid}`) &&
						typeof e.dur === 'number',
				)
				.map((e) => ({
					start: e.ts / 1000,
					wall: (e.dur ?? 0) / 1000,
					// no thread clock on this platform: the wall time stands in (stricter, never laxer)
					cpu: (e.tdur ?? e.dur ?? 0) / 1000,
				}))
				.sort((a, b) => b.cpu - a.cpu);
		},
	};
}
