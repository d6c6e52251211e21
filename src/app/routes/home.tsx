import { Navigate, useLocation } from 'react-router-dom';
import { useDocumentTitle } from '../../components/use-document-title';
import { CustomerPicker, fullName } from '../../features/customers/components/customer-picker';
import { useStartImpersonation } from '../../features/impersonation/api/start-impersonation';
import { describeImpersonationError } from '../../features/impersonation/api/impersonation-error';
import { useGlueSession } from '../../lib/glue-session';
import { useTokenSlotState } from '../../lib/token-slot';
import { customerPath } from '../paths';

/** A message handed over by the screen before, e.g. "Session as Bill Martin ended." */
export function useNotice(): string | null {
  const state: unknown = useLocation().state;
  const notice = (state as { notice?: unknown } | null)?.notice;
  return typeof notice === 'string' ? notice : null;
}

export function HomeScreen() {
  useDocumentTitle('Find a customer');
  const session = useGlueSession();
  const customerState = useTokenSlotState(session.customer);
  const startImpersonation = useStartImpersonation();
  const notice = useNotice();

  if (customerState.status === 'active' && !startImpersonation.isPending) {
    return <Navigate to={customerPath(customerState.profile.customerReference)} replace />;
  }

  const chosen = startImpersonation.variables;
  return (
    <section aria-labelledby="home-title" className="panel">
      <h1 id="home-title">Assist a customer</h1>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <CustomerPicker
        onSelect={(customer) => startImpersonation.mutate(customer)}
        disabled={startImpersonation.isPending}
        busyMessage={
          startImpersonation.isPending && chosen
            ? `Starting a session as ${fullName(chosen)}…`
            : null
        }
      />
      {startImpersonation.isError && (
        <p className="notice notice--error" role="alert">
          {describeImpersonationError(startImpersonation.error, chosen)}
        </p>
      )}
    </section>
  );
}
