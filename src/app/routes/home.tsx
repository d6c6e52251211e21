import { useRef, useState } from 'react';
import { Navigate } from 'react-router-dom';
import { ErrorNotice } from '../../components/error-notice';
import { useDocumentTitle } from '../../components/use-document-title';
import { RecentCustomers } from '../../features/activity/components/recent-customers';
import { SessionRecap } from '../../features/activity/components/session-recap';
import { useSessionLogState } from '../../features/activity/session-log';
import { CustomerPicker, fullName } from '../../features/customers/components/customer-picker';
import { useStartAfterColleagueCheck } from '../../features/impersonation/api/open-sessions';
import { describeImpersonationError } from '../../features/impersonation/api/impersonation-error';
import { ColleagueQuestion } from '../../features/impersonation/components/colleague-question';
import { ReasonForm } from '../../features/impersonation/components/reason-form';
import { isMessage, useT } from '../../i18n/translate';
import type { CustomerProfile } from '../../lib/glue-session';
import { useGlueSession } from '../../lib/glue-session';
import { useTokenSlotState } from '../../lib/token-slot';
import { useHandedState } from '../handed-state';
import { customerPath } from '../paths';

export function HomeScreen() {
  const t = useT();
  useDocumentTitle(t('home.documentTitle'));
  const session = useGlueSession();
  const customerState = useTokenSlotState(session.customer);
  const checkedStart = useStartAfterColleagueCheck();
  const startImpersonation = checkedStart.start;
  const { past } = useSessionLogState();
  const { notice, findCustomer } = useHandedState();
  const [chosen, setChosen] = useState<CustomerProfile | null>(null);
  const pickerRef = useRef<HTMLDivElement>(null);

  // Acting as someone lands on their screens, also when chosen here after the "/" shortcut.
  const justStarted = startImpersonation.isSuccess;
  if (
    customerState.status === 'active' &&
    !startImpersonation.isPending &&
    (!findCustomer || justStarted)
  ) {
    return <Navigate to={customerPath(customerState.profile.customerReference)} replace />;
  }
  const acting = customerState.status === 'active' ? customerState.profile : null;
  const lastSession = past[0] ?? null;

  function cancel() {
    setChosen(null);
    startImpersonation.reset();
    pickerRef.current?.querySelector('input')?.focus();
  }

  return (
    <div className="home">
      <section aria-labelledby="home-title" className="panel">
        <h1 id="home-title">{t('home.title')}</h1>
        {notice && (
          <p className="notice" role="status">
            {/* The notice a screen hands over: words to translate, or already words. */}
            {isMessage(notice) ? t(notice) : notice}
          </p>
        )}
        {acting && (
          <p className="notice">
            {t('home.acting', { name: fullName(acting), reference: acting.customerReference })}
          </p>
        )}
        <div ref={pickerRef}>
          <CustomerPicker
            onSelect={setChosen}
            disabled={checkedStart.isPending}
            busyMessage={chosen ? t('home.chosen', { name: fullName(chosen) }) : null}
          />
        </div>
        {chosen && (
          <ReasonForm
            key={chosen.customerReference}
            customer={chosen}
            busy={checkedStart.isPending}
            actLabel={
              acting ? t('impersonation.endAndActAs', { name: fullName(chosen) }) : undefined
            }
            onSubmit={(reason) => checkedStart.begin({ customer: chosen, reason })}
            onCancel={cancel}
          />
        )}
        {startImpersonation.isError && (
          <ErrorNotice
            error={startImpersonation.error}
            text={describeImpersonationError(startImpersonation.error, chosen ?? undefined)}
          />
        )}
        <ColleagueQuestion
          question={checkedStart.question}
          onGoOn={checkedStart.goOn}
          onCancel={checkedStart.cancel}
        />
      </section>
      {lastSession && <SessionRecap record={lastSession} />}
      <RecentCustomers sessions={past} onChoose={setChosen} />
    </div>
  );
}
