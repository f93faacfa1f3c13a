// Weight I/O of the deep models: all weights of a model as one ArrayBuffer plus their shapes, in layer
// order (the model is rebuilt from its ModelSpec and the weights set by order). Used to persist models
// in IndexedDB (the train worker), to checkpoint each epoch, and to ship the pretrained model.

import * as tf from '@tensorflow/tfjs';

/** Weights of a model: shapes in order and the float32 values concatenated. */
export interface WeightBlob {
	shapes: number[][];
	data: ArrayBuffer;
}

/** Copy the model's current weights out of the backend. */
export function getWeightBlob(model: tf.LayersModel): WeightBlob {
	const ws = model.getWeights();
	const shapes = ws.map((w) => w.shape.slice());
	const total = ws.reduce((a, w) => a + w.size, 0);
	const data = new Float32Array(total);
	let off = 0;
	for (const w of ws) {
		data.set(w.dataSync() as Float32Array, off);
		off += w.size;
	}
	return { shapes, data: data.buffer };
}

/** Set the model's weights from a blob; throws when the shapes do not match the model's. */
export function setWeightBlob(model: tf.LayersModel, blob: WeightBlob): void {
	const current = model.getWeights();
	if (current.length !== blob.shapes.length)
		throw new Error(
			`weights: the model has ${current.length} tensors, the blob ${blob.shapes.length}`,
		);
	const data = new Float32Array(blob.data);
	let off = 0;
	const tensors = blob.shapes.map((shape, i) => {
		const want = current[i].shape;
		if (want.length !== shape.length || want.some((d, k) => d !== shape[k]))
			throw new Error(`weights: tensor ${i} is [${shape}], the model expects [${want}]`);
		const size = shape.reduce((a, b) => a * b, 1);
		const t = tf.tensor(data.subarray(off, off + size), shape);
		off += size;
		return t;
	});
	if (off !== data.length) throw new Error(`weights: ${data.length - off} values left over`);
	model.setWeights(tensors);
	tf.dispose(tensors);
}

/** Bytes of the blob (for listing). */
export function blobBytes(blob: WeightBlob): number {
	return blob.data.byteLength;
}
