import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useGlueSession } from '../lib/glue-session';
import { useTokenSlotState } from '../lib/token-slot';

/** Screens behind it need a signed-in agent; others go to sign-in and come back after. */
export function RequireAgent() {
  const { agent } = useGlueSession();
  const state = useTokenSlotState(agent);
  const location = useLocation();
  if (state.status !== 'active')
    return <Navigate to="/sign-in" replace state={{ from: location }} />;
  return <Outlet />;
}
