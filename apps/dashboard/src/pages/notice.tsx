import { useI18n } from '../i18n/i18n';

export function Loading() {
  const { t } = useI18n();
  return <p className="loading" role="status">{t.common.loading}</p>;
}

/** A full-page message (a failure with a way to retry). */
export function Notice({ title, action }: { title: string; action?: { label: string; run(): void } }) {
  return (
    <main className="center-page">
      <div className="card">
        <p role="alert">{title}</p>
        {action && <button type="button" onClick={action.run}>{action.label}</button>}
      </div>
    </main>
  );
}

export function ErrorText({ error }: { error: unknown }) {
  const { describe } = useI18n();
  if (!error) return null;
  return <p className="error" role="alert">{describe(error)}</p>;
}
