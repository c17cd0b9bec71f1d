// Node's `process`, as the browser build of the loader's dependencies expects it
// (bittorrent-tracker reads process.browser; streams use process.nextTick). Injected by esbuild.
import process from 'process/browser.js';

export { process };
