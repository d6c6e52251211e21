import { Link, Outlet, useParams } from 'react-router-dom';
import { ErrorNotice } from '../../components/error-notice';
import { useDocumentTitle } from '../../components/use-document-title';
import { ActivityPanel } from '../../features/activity/components/activity-panel';
import { useCustomerByReference } from '../../features/customers/api/search-customers';
import { fullName } from '../../features/customers/components/customer-picker';
import { describeImpersonationError } from '../../features/impersonation/api/impersonation-error';
import { useStartAfterColleagueCheck } from '../../features/impersonation/api/open-sessions';
import { ColleagueQuestion } from '../../features/impersonation/components/colleague-question';
import { ReasonForm } from '../../features/impersonation/components/reason-form';
import { T, message, useT } from '../../i18n/translate';
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
  const t = useT();
  const title = t('customer.title', { reference: customerReference });
  useDocumentTitle(title);
  const lookup = useCustomerByReference(customerReference);
  const checkedStart = useStartAfterColleagueCheck();
  const startImpersonation = checkedStart.start;
  const found = lookup.data;

  return (
    <section aria-labelledby="act-as-title" className="panel">
      <h1 id="act-as-title">{title}</h1>
      {lookup.isPending && (
        <p role="status">{t('customer.lookingUp', { reference: customerReference })}</p>
      )}
      {lookup.isError && (
        <ErrorNotice
          error={lookup.error}
          text={message('customer.lookupFailed', { reason: describeError(lookup.error) })}
        />
      )}
      {lookup.isSuccess && !found && (
        <p className="notice" role="status">
          <T
            id={'customer.notFound'}
            values={{ reference: customerReference }}
            components={{ 0: <Link to="/" /> }}
          />
        </p>
      )}
      {found && (
        <>
          <dl className="facts">
            <dt>{t('customer.name')}</dt>
            <dd>{fullName(found)}</dd>
            <dt>{t('customer.email')}</dt>
            <dd>{found.email}</dd>
          </dl>
          {actingAs && (
            <p className="notice">
              {t('customer.acting', {
                actingName: fullName(actingAs),
                actingReference: actingAs.customerReference,
                name: fullName(found),
              })}
            </p>
          )}
          <ReasonForm
            customer={found}
            busy={checkedStart.isPending}
            actLabel={
              actingAs ? t('impersonation.endAndActAs', { name: fullName(found) }) : undefined
            }
            onSubmit={(reason) => checkedStart.begin({ customer: found, reason })}
          />
          <p>
            <Link to="/">{t('customer.findAnother')}</Link>
          </p>
          {startImpersonation.isError && (
            <ErrorNotice
              error={startImpersonation.error}
              text={describeImpersonationError(startImpersonation.error, found)}
            />
          )}
          <ColleagueQuestion
            question={checkedStart.question}
            onGoOn={checkedStart.goOn}
            onCancel={checkedStart.cancel}
          />
        </>
      )}
    </section>
  );
}
