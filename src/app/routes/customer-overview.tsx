import { useParams } from 'react-router-dom';
import { useDocumentTitle } from '../../components/use-document-title';
import { useGlueSession } from '../../lib/glue-session';
import { useTokenSlotState } from '../../lib/token-slot';

/** What the agent sees first when acting as a customer. */
export function CustomerOverview() {
  const { customerReference = '' } = useParams();
  const state = useTokenSlotState(useGlueSession().customer);
  const profile = state.status === 'active' ? state.profile : null;
  const name = profile ? `${profile.firstName} ${profile.lastName}` : customerReference;
  useDocumentTitle(name);

  return (
    <section aria-labelledby="customer-title" className="panel">
      <h1 id="customer-title">{name}</h1>
      <dl className="facts">
        <dt>E-mail</dt>
        <dd>{profile?.email}</dd>
        <dt>Customer reference</dt>
        <dd className="mono">{customerReference}</dd>
      </dl>
    </section>
  );
}
