/**
 * The one series palette of Loss Lab: the app's charts and the exported study report use it, so a
 * configuration has the same colour on screen and in a saved PNG. Okabe–Ito (colour-blind friendly), with
 * its black replaced by a grey that reads on light and dark backgrounds.
 */
export const SERIES_PALETTE: readonly string[] = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#f0e442', '#8c8c8c'];
