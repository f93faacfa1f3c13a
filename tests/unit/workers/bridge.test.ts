// The worker bridge (src/lib/workers/bridge.ts) over a real MessageChannel with Comlink, as every worker
// client uses it: lazy start, idle timeout, abort → terminate or cancel, a dying worker settles its calls,
// and worker errors keep their name and message code.
import { MessageChannel } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkerBridge, type BridgeEndpoint } from '../../../src/lib/workers/bridge';
import { isAbortError, toUiError } from '../../../src/lib/workers/errors';
import { codedError, installCodedErrorTransfer } from '../../../workers/data/coded-error';

installCodedErrorTransfer();

/** A stand-in worker API: a job that waits, can be cancelled by id, and errors with a code. */
function workerApi() {
	const jobs = new Map<string, () => void>();
	return {
		add: async (a: number, b: number) => a + b,
		wait: (ms: number, jobId: string) =>
			new Promise<string>((resolve, reject) => {
				const timer = setTimeout(() => resolve('done'), ms);
				jobs.set(jobId, () => {
					clearTimeout(timer);
					const e = new Error('cancelled in the worker');
					e.name = 'AbortError';
					reject(e);
				});
			}),
		cancel: async (jobId: string) => jobs.get(jobId)?.(),
		bad: async () => {
			throw codedError('InvalidMapping', 'import_missing_column', { column: 'Qty' });
		},
	};
}
type Api = ReturnType<typeof workerApi>;

/** Counts starts and terminations; `crash` fires the endpoint's error event as a dying Worker does. */
function harness(idleMs = 0) {
	const stats = { started: 0, terminated: 0 };
	let crash: (message: string) => void = () => {};
	const bridge = new WorkerBridge<Api>({
		idleMs,
		start: () => {
			stats.started++;
			const { port1, port2 } = new MessageChannel();
			Comlink.expose(workerApi(), nodeEndpoint(port1));
			const ep = nodeEndpoint(port2) as unknown as BridgeEndpoint;
			const onMessage = ep.addEventListener.bind(ep);
			const onError: ((ev: Event) => void)[] = [];
			crash = (message) => onError.forEach((l) => l({ message } as unknown as Event));
			return Object.assign(ep, {
				addEventListener: (type: string, l: (ev: Event) => void) =>
					type === 'error' ? onError.push(l) : onMessage(type, l as never),
				terminate: () => {
					stats.terminated++;
					port1.close();
					port2.close();
				},
			});
		},
	});
	return { bridge, stats, crash: (m: string) => crash(m) };
}

const bridges: WorkerBridge<Api>[] = [];
afterEach(() => bridges.splice(0).forEach((b) => b.terminate()));
function make(idleMs = 0) {
	const h = harness(idleMs);
	bridges.push(h.bridge);
	return h;
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('WorkerBridge', () => {
	it('starts the worker on the first call only and reuses it', async () => {
		const { bridge, stats } = make();
		expect(bridge.started).toBe(false);
		expect(stats.started).toBe(0);
		expect(await bridge.call((api) => api.add(2, 3))).toBe(5);
		expect(await bridge.call((api) => api.add(1, 1))).toBe(2);
		expect(stats).toEqual({ started: 1, terminated: 0 });
	});

	it('ends an idle worker after idleMs and starts a fresh one on the next call', async () => {
		const { bridge, stats } = make(40);
		await bridge.call((api) => api.add(1, 2));
		await sleep(20);
		expect(stats.terminated).toBe(0);
		await sleep(60);
		expect(stats.terminated).toBe(1);
		expect(bridge.started).toBe(false);
		expect(await bridge.call((api) => api.add(2, 2))).toBe(4);
		expect(stats.started).toBe(2);
	});

	it('never ends a worker while a call is in flight', async () => {
		const { bridge, stats } = make(20);
		expect(await bridge.call((api) => api.wait(80, 'j1'))).toBe('done');
		expect(stats.terminated).toBe(0);
	});

	it('abort → terminate: rejects at once with an AbortError and ends the worker', async () => {
		const { bridge, stats } = make();
		const ac = new AbortController();
		const call = bridge.call((api) => api.wait(10_000, 'j'), { signal: ac.signal });
		await sleep(10);
		const t0 = Date.now();
		ac.abort();
		const err = await call.catch((e: unknown) => e);
		expect(isAbortError(err)).toBe(true);
		expect(Date.now() - t0).toBeLessThan(1000);
		expect(stats.terminated).toBe(1);
		expect(await bridge.call((api) => api.add(1, 1))).toBe(2);
		expect(stats.started).toBe(2);
	});

	it('abort → cancel: the worker stops the job and stays alive', async () => {
		const { bridge, stats } = make();
		const ac = new AbortController();
		const call = bridge.call((api) => api.wait(10_000, 'job-7'), {
			signal: ac.signal,
			onAbort: (api) => api.cancel('job-7'),
		});
		await sleep(10);
		ac.abort();
		expect(isAbortError(await call.catch((e: unknown) => e))).toBe(true);
		expect(stats).toEqual({ started: 1, terminated: 0 });
		expect(await bridge.call((api) => api.add(3, 4))).toBe(7);
	});

	it('an already aborted signal never starts the worker', async () => {
		const { bridge, stats } = make();
		const ac = new AbortController();
		ac.abort();
		await expect(bridge.call((api) => api.add(1, 1), { signal: ac.signal })).rejects.toThrow();
		expect(stats.started).toBe(0);
	});

	it('keeps the name and message code of a worker error', async () => {
		const { bridge } = make();
		const err = await bridge.call((api) => api.bad()).catch((e: unknown) => e);
		expect(toUiError(err)).toMatchObject({
			name: 'InvalidMapping',
			msg: { code: 'import_missing_column', params: { column: 'Qty' } },
		});
	});

	it('a worker that dies settles its calls with a coded WorkerError', async () => {
		const { bridge, stats, crash } = make();
		const call = bridge.call((api) => api.wait(10_000, 'j'));
		await sleep(10);
		crash('SyntaxError in data.worker.js');
		const ui = toUiError(await call.catch((e: unknown) => e));
		expect(ui.name).toBe('WorkerError');
		expect(ui.msg?.code).toBe('error_worker_failed');
		expect(stats.terminated).toBe(1);
	});
});
