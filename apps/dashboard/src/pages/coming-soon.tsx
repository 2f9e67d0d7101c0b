import { useI18n } from '../i18n/i18n';
import type { Messages } from '../i18n/en';

/** A page that is not built yet says so plainly. */
export function ComingSoonPage({ page }: { page: keyof Messages['nav'] }) {
  const { t } = useI18n();
  return (
    <>
      <h1 className="page-title">{t.nav[page]}</h1>
      <section className="card coming-soon" aria-label={t.common.comingSoon}>
        <p className="badge">{t.common.comingSoon}</p>
        <p>{t.comingSoon.body}</p>
      </section>
    </>
  );
}
