import pkg from '../../../package.json';

/** The app's version, from package.json (bundled at build time, read directly under tsx and vitest). */
export const LAB_VERSION: string = pkg.version;
