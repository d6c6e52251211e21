import { ConfirmDialog } from '../../../components/confirm-dialog';
import { useFormat } from '../../../i18n/format';
import { useT } from '../../../i18n/translate';
import { describeError } from '../../../lib/glue-errors';
import { useGlueSession } from '../../../lib/glue-session';
import { useTokenSlotState } from '../../../lib/token-slot';
import { fullName } from '../../customers/components/customer-picker';
import type { ColleagueQuestion as Question } from '../api/open-sessions';

interface ColleagueQuestionProps {
  question: Question | null;
  onGoOn: () => void;
  onCancel: () => void;
}

/** Before acting as a customer someone acts as now: who, since when and why; going on is the agent's choice. */
export function ColleagueQuestion({ question, onGoOn, onCancel }: ColleagueQuestionProps) {
  const t = useT();
  const format = useFormat();
  const agent = useTokenSlotState(useGlueSession().agent);
  const me = agent.status === 'active' ? agent.profile.username : null;
  const name = question ? fullName(question.request.customer) : '';

  return (
    <ConfirmDialog
      open={question !== null}
      title={
        question?.kind === 'unchecked'
          ? t('colleagues.unchecked.title', { name })
          : t('colleagues.title', { name })
      }
      confirmLabel={t('colleagues.goOn', { name })}
      onConfirm={onGoOn}
      onCancel={onCancel}
    >
      {question?.kind === 'colleagues' && (
        <>
          <ul>
            {question.sessions.map((open) => (
              <li key={open.id}>
                {t('colleagues.session', {
                  who: open.agentUsername === me ? 'you' : 'other',
                  agent: open.agentUsername,
                  since: format.dateTime(open.startedAt),
                  reason: open.reason ?? t('audit.noReason'),
                })}
              </li>
            ))}
          </ul>
          <p>{t('colleagues.body')}</p>
        </>
      )}
      {question?.kind === 'unchecked' && (
        <p>{t('colleagues.unchecked.body', { name, error: describeError(question.error) })}</p>
      )}
    </ConfirmDialog>
  );
}
