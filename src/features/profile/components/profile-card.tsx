import { useQuery } from '@tanstack/react-query';
import { describeError } from '../../../lib/glue-errors';
import { useGlueSession } from '../../../lib/glue-session';
import { profileQuery } from '../api/profile-query';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateFormat.format(date);
}

/** The customer's profile at a glance, as Glue holds it. */
export function ProfileCard({ customerReference }: { customerReference: string }) {
  const session = useGlueSession();
  const profile = useQuery(profileQuery(session, customerReference));

  return (
    <section className="panel" aria-labelledby="profile-title">
      <h2 id="profile-title">Profile</h2>
      {profile.isPending && <p className="muted">Loading the profile…</p>}
      {profile.isError && (
        <p className="notice notice--error" role="alert">
          The profile could not be loaded. {describeError(profile.error)}
        </p>
      )}
      {profile.data && (
        <dl className="facts">
          <dt>Name</dt>
          <dd>
            {[profile.data.salutation, profile.data.firstName, profile.data.lastName]
              .filter(Boolean)
              .join(' ')}
          </dd>
          <dt>E-mail</dt>
          <dd>{profile.data.email}</dd>
          <dt>Reference</dt>
          <dd className="mono">{customerReference}</dd>
          <dt>Gender</dt>
          <dd>{profile.data.gender ?? '—'}</dd>
          <dt>Date of birth</dt>
          <dd>{formatDate(profile.data.dateOfBirth)}</dd>
          <dt>Customer since</dt>
          <dd>{formatDate(profile.data.createdAt)}</dd>
        </dl>
      )}
    </section>
  );
}
