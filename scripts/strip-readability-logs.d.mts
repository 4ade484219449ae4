import type { Plugin } from 'esbuild';
export function stripLogCalls(source: string): string;
export const stripReadabilityLogs: Plugin;
