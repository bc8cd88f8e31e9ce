/**
 * A trained model as plain data: tfjs `ModelArtifacts` pieces. Made by the training worker, stored by the run
 * store, carried by queue jobs and written by the model export; never a tensor, so it crosses any boundary.
 */
export interface SavedModel {
  /** The Layers topology (JSON-able). */
  modelTopology: unknown;
  /** The weights' names, shapes and dtypes, in `weightData` order (JSON-able). */
  weightSpecs: unknown[];
  /** All weights concatenated, as tfjs `weightData`. */
  weightData: Uint8Array;
}
