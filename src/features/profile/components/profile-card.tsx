import { useQuery } from '@tanstack/react-query';
import { ErrorNotice } from '../../../components/error-notice';
import { useFormat } from '../../../i18n/format';
import { message, useT } from '../../../i18n/translate';
import { describeError } from '../../../lib/glue-errors';
import { useGlueSession } from '../../../lib/glue-session';
import { PasswordReset } from '../../password-reset/components/password-reset';
import { profileQuery } from '../api/profile-query';
import { ChangeControls } from '../../session-mode/change-controls';

/** The customer's profile at a glance, as Glue holds it. */
export function ProfileCard({ customerReference }: { customerReference: string }) {
  const t = useT();
  const format = useFormat();
  const formatDate = (value: string | null | undefined) => (value ? format.date(value) : '—');
  const session = useGlueSession();
  const profile = useQuery(profileQuery(session, customerReference));

  return (
    <section className="panel" aria-labelledby="profile-title">
      <h2 id="profile-title">{t('profile.title')}</h2>
      {profile.isPending && <p className="muted">{t('profile.loading')}</p>}
      {profile.isError && (
        <ErrorNotice
          error={profile.error}
          text={message('profile.loadFailed', { error: describeError(profile.error) })}
        />
      )}
      {profile.data && (
        <dl className="facts">
          <dt>{t('profile.name')}</dt>
          <dd>
            {[profile.data.salutation, profile.data.firstName, profile.data.lastName]
              .filter(Boolean)
              .join(' ')}
          </dd>
          <dt>{t('profile.email')}</dt>
          <dd>{profile.data.email}</dd>
          <dt>{t('profile.reference')}</dt>
          <dd className="mono">{customerReference}</dd>
          <dt>{t('profile.gender')}</dt>
          <dd>
            {profile.data.gender ? t('profile.genderValue', { gender: profile.data.gender }) : '—'}
          </dd>
          <dt>{t('profile.dateOfBirth')}</dt>
          <dd>{formatDate(profile.data.dateOfBirth)}</dd>
          <dt>{t('profile.customerSince')}</dt>
          <dd>{formatDate(profile.data.createdAt)}</dd>
        </dl>
      )}
      {profile.data && (
        <ChangeControls>
          <PasswordReset
            name={[profile.data.firstName, profile.data.lastName].filter(Boolean).join(' ')}
            email={profile.data.email}
          />
        </ChangeControls>
      )}
    </section>
  );
}
