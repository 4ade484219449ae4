import { t } from '../i18n';
import { formatCount } from './plural';
import type { OperationProgress } from './use-operation';

/** A labelled progress bar, determinate when the total is known; announced politely to screen readers. */
export function ProgressBar({ progress }: { progress: OperationProgress | null }) {
  if (!progress) return null;
  const known = progress.done !== null && progress.total !== null && progress.total > 0;
  return (
    <div class="bs-opt-progress" role="status">
      <span>{known ? t('progressCount', progress.label, formatCount(progress.done!), formatCount(progress.total!)) : progress.label}</span>
      <progress max={known ? progress.total! : undefined} value={known ? progress.done! : undefined} aria-label={progress.label} />
    </div>
  );
}
