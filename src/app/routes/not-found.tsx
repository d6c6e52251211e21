import { Link } from 'react-router-dom';
import { useDocumentTitle } from '../../components/use-document-title';
import { LanguageSwitch } from '../../i18n/language-switch';
import { useT } from '../../i18n/translate';

export function NotFoundScreen() {
  const t = useT();
  useDocumentTitle(t('notFound.title'));
  return (
    <main className="sign-in">
      <LanguageSwitch />
      <div className="sign-in__card">
        <h1>{t('notFound.title')}</h1>
        <p>{t('notFound.text')}</p>
        <Link to="/">{t('notFound.back')}</Link>
      </div>
    </main>
  );
}
