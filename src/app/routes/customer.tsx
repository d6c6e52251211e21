import { Link, Outlet, useParams } from 'react-router-dom';
import { useDocumentTitle } from '../../components/use-document-title';
import { ActivityPanel } from '../../features/activity/components/activity-panel';
import { useCustomerByReference } from '../../features/customers/api/search-customers';
import { fullName } from '../../features/customers/components/customer-picker';
import { describeImpersonationError } from '../../features/impersonation/api/impersonation-error';
import { useStartImpersonation } from '../../features/impersonation/api/start-impersonation';
import { ReasonForm } from '../../features/impersonation/components/reason-form';
import { describeError } from '../../lib/glue-errors';
import type { CustomerProfile } from '../../lib/glue-session';
import { useGlueSession } from '../../lib/glue-session';
import { useTokenSlotState } from '../../lib/token-slot';

/** `/customers/:customerReference/*`: the customer's screens while acting as them, else a way to start. */
export function CustomerLayout() {
  const { customerReference = '' } = useParams();
  const { customer } = useGlueSession();
  const state = useTokenSlotState(customer);
  if (state.status === 'active' && state.profile.customerReference === customerReference)
    return (
      <div className="customer-layout">
        <div>
          <Outlet />
        </div>
        <ActivityPanel />
      </div>
    );
  return (
    <ActAsCustomer
      customerReference={customerReference}
      actingAs={state.status === 'active' ? state.profile : null}
    />
  );
}

function ActAsCustomer({
  customerReference,
  actingAs,
}: {
  customerReference: string;
  actingAs: CustomerProfile | null;
}) {
  useDocumentTitle(`Customer ${customerReference}`);
  const lookup = useCustomerByReference(customerReference);
  const startImpersonation = useStartImpersonation();
  const found = lookup.data;

  return (
    <section aria-labelledby="act-as-title" className="panel">
      <h1 id="act-as-title">Customer {customerReference}</h1>
      {lookup.isPending && <p role="status">Looking up {customerReference}…</p>}
      {lookup.isError && (
        <p className="notice notice--error" role="alert">
          The customer could not be looked up. {describeError(lookup.error)}
        </p>
      )}
      {lookup.isSuccess && !found && (
        <p className="notice" role="status">
          No customer has the reference {customerReference}. <Link to="/">Find a customer</Link>
        </p>
      )}
      {found && (
        <>
          <dl className="facts">
            <dt>Name</dt>
            <dd>{fullName(found)}</dd>
            <dt>E-mail</dt>
            <dd>{found.email}</dd>
          </dl>
          {actingAs && (
            <p className="notice">
              You are acting as {fullName(actingAs)} ({actingAs.customerReference}). Acting as{' '}
              {fullName(found)} ends that session first.
            </p>
          )}
          <ReasonForm
            customer={found}
            busy={startImpersonation.isPending}
            actLabel={actingAs ? `End session and act as ${fullName(found)}` : undefined}
            onSubmit={(reason) => startImpersonation.mutate({ customer: found, reason })}
          />
          <p>
            <Link to="/">Find another customer</Link>
          </p>
          {startImpersonation.isError && (
            <p className="notice notice--error" role="alert">
              {describeImpersonationError(startImpersonation.error, found)}
            </p>
          )}
        </>
      )}
    </section>
  );
}
