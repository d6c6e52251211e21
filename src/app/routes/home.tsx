import { useDocumentTitle } from '../../components/use-document-title';
import { useGlueSession } from '../../lib/glue-session';
import { useTokenSlotState } from '../../lib/token-slot';

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

export function HomeScreen() {
  useDocumentTitle('Home');
  const { agent, glue } = useGlueSession();
  const state = useTokenSlotState(agent);
  if (state.status !== 'active') return null;

  return (
    <section aria-labelledby="home-title" className="panel">
      <h1 id="home-title">Your agent session</h1>
      <dl className="facts">
        <dt>Signed in as</dt>
        <dd>{state.profile.username}</dd>
        <dt>Glue</dt>
        <dd className="mono">{glue.baseUrl}</dd>
        <dt>Access token</dt>
        <dd>
          valid until{' '}
          <time dateTime={new Date(state.expiresAt).toISOString()}>
            {timeFormat.format(state.expiresAt)}
          </time>
          , renewed automatically before then
        </dd>
      </dl>
    </section>
  );
}
