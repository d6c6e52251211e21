import { isMessage, type Message } from '../i18n/translate';
import { useLocation } from 'react-router-dom';

/** What one screen hands the next through the router's location state. */
export interface HandedState {
  /** A message for the agent, e.g. "Your session as Bill Martin has ended." */
  notice: Message | null;
  /** Set by the "find a customer" shortcut: home stays put even while acting as someone. */
  findCustomer: boolean;
}

export function useHandedState(): HandedState {
  const state = useLocation().state as { notice?: unknown; findCustomer?: unknown } | null;
  return {
    notice: isMessage(state?.notice) ? state.notice : null,
    findCustomer: state?.findCustomer === true,
  };
}
