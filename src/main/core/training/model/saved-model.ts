/** Conversions between a tfjs model and a `SavedModel` (plain, reloadable artifacts the store keeps). */
import * as tf from '@tensorflow/tfjs';
import type { SavedModel } from '../../../../shared/saved-model';

/** Serialises a model's topology and weights (copies the weight bytes). */
export async function saveModel(model: tf.LayersModel): Promise<SavedModel> {
  let saved: SavedModel | null = null;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const data = artifacts.weightData;
      const buffer = data === undefined ? new ArrayBuffer(0) : Array.isArray(data) ? tf.io.concatenateArrayBuffers(data) : data;
      saved = {
        modelTopology: artifacts.modelTopology ?? null,
        weightSpecs: artifacts.weightSpecs ?? [],
        weightData: new Uint8Array(buffer.slice(0)),
      };
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  if (saved === null) throw new Error('the model could not be serialised');
  return saved;
}

/** Rebuilds a model from `saveModel`'s artifacts. */
export async function loadSavedModel(saved: SavedModel): Promise<tf.LayersModel> {
  const bytes = saved.weightData;
  const weightData = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  return tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: saved.modelTopology as tf.io.ModelArtifacts['modelTopology'],
      weightSpecs: saved.weightSpecs as tf.io.WeightsManifestEntry[],
      weightData: weightData as ArrayBuffer,
    }),
  );
}
