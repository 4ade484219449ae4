// Types for readability-patches.mjs, so TypeScript tests can run the same patches the build applies.
import type { Plugin } from 'esbuild';

export declare function stripLogCalls(source: string): string;
export declare function patchReadability(source: string): string;
export declare const PATCHES: { why: string; edits: [string | RegExp, string][] }[];
export declare const RENAMED_CONSTANTS: string[];
export declare const readabilityPatches: Plugin;
