import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

/** Below this, a progress indicator would only flash; above it, the reader needs to see that work is going on. */
export const PROGRESS_DELAY_MS = 300;

export interface OperationProgress {
  label: string;
  done: number | null;
  total: number | null;
}

export type ReportProgress = (done: number, total: number) => void;

/**
 * Runs one long operation at a time and exposes its progress once it has taken longer than a moment.
 * `progress` is null while nothing runs or the operation is still quick.
 */
export function useOperation(): {
  running: boolean;
  progress: OperationProgress | null;
  run<T>(label: string, work: (report: ReportProgress) => Promise<T>): Promise<T>;
} {
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<OperationProgress | null>(null);
  const current = useRef<OperationProgress | null>(null);
  const shown = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const run = useCallback(async <T,>(label: string, work: (report: ReportProgress) => Promise<T>): Promise<T> => {
    current.current = { label, done: null, total: null };
    shown.current = false;
    setRunning(true);
    timer.current = setTimeout(() => {
      shown.current = true;
      setProgress(current.current);
    }, PROGRESS_DELAY_MS);
    const report: ReportProgress = (done, total) => {
      current.current = { label, done, total };
      if (shown.current) setProgress(current.current);
    };
    try {
      return await work(report);
    } finally {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      current.current = null;
      setProgress(null);
      setRunning(false);
    }
  }, []);

  return { running, progress, run };
}
