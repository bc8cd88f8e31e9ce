import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SavedModel } from '@core/store';
import { exportModel } from '@core/exports/export-model';

let dir: string;
let server: Server;
let base: string;

/** Serves the files of `dir` by name, as a browser or tfjs's HTTP loader expects. */
function serve(folder: string): Promise<Server> {
  const s = createServer((req, res) => {
    try {
      const body = readFileSync(join(folder, basename(req.url ?? '')));
      res.writeHead(200, { 'content-type': req.url?.endsWith('.json') ? 'application/json' : 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((done) => s.listen(0, '127.0.0.1', () => done(s)));
}

beforeAll(async () => {
  await tf.setBackend('cpu');
  dir = mkdtempSync(join(tmpdir(), 'loss-lab-model-'));
  server = await serve(dir);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

async function savedOf(model: tf.LayersModel): Promise<SavedModel> {
  let saved: SavedModel | undefined;
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      const data = a.weightData;
      const buffer = data === undefined ? new ArrayBuffer(0) : Array.isArray(data) ? tf.io.concatenateArrayBuffers(data) : data;
      saved = { modelTopology: a.modelTopology, weightSpecs: a.weightSpecs ?? [], weightData: new Uint8Array(buffer) };
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  if (!saved) throw new Error('not saved');
  return saved;
}

describe('exportModel', () => {
  it('writes a layers model that tf.loadLayersModel reads from disk and that predicts identically', async () => {
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ inputShape: [784], units: 16, activation: 'tanh', name: 'dense1' }),
        tf.layers.dense({ units: 10, activation: 'softmax', name: 'output' }),
      ],
    });
    const files = exportModel(await savedOf(model), dir);
    expect(files.map((f) => basename(f))).toEqual(['model.json', 'weights.bin']);
    const json: unknown = JSON.parse(readFileSync(files[0], 'utf8'));
    expect(json).toMatchObject({ format: 'layers-model', convertedBy: null, weightsManifest: [{ paths: ['weights.bin'] }] });
    expect(readFileSync(files[1]).byteLength).toBe((784 * 16 + 16 + 16 * 10 + 10) * 4);

    const loaded = await tf.loadLayersModel(`${base}/model.json`);
    const input = tf.randomUniform([5, 784], 0, 1, 'float32', 7);
    const expected = model.predict(input) as tf.Tensor;
    const actual = loaded.predict(input) as tf.Tensor;
    expect(Array.from(await actual.data())).toEqual(Array.from(await expected.data()));
    tf.dispose([input, expected, actual]);
    model.dispose();
    loaded.dispose();
  });
});
