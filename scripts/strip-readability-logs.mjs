// Moved to readability-patches.mjs, which drops more than the log calls; scripts/bench/extension-build.mjs still
// imports this name and gets the same plugin as scripts/build.mjs.
export { stripLogCalls, readabilityPatches as stripReadabilityLogs } from './readability-patches.mjs';
