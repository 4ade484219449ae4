// Types for budgets.mjs, so TypeScript tests can import the same budget logic the build runs.
import type { Metafile } from 'esbuild';

export declare const BUDGETS: Record<string, number>;
export declare function entrySizes(metafile: Metafile, outdir: string): Record<string, number>;
export declare function checkBudgets(metafile: Metafile, outdir: string, budgets?: Record<string, number>): string[];
export declare function formatSizes(metafile: Metafile, outdir: string, budgets?: Record<string, number>): string;
