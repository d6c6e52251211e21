import { createBrowserRouter } from 'react-router-dom';
import { SignInScreen } from '../features/auth/components/sign-in-screen';
import { AppShell } from './app-shell';
import { RequireAgent } from './require-agent';
import { HomeScreen } from './routes/home';
import { NotFoundScreen } from './routes/not-found';

export function createRouter() {
  return createBrowserRouter([
    { path: '/sign-in', element: <SignInScreen /> },
    {
      element: <RequireAgent />,
      children: [{ element: <AppShell />, children: [{ index: true, element: <HomeScreen /> }] }],
    },
    { path: '*', element: <NotFoundScreen /> },
  ]);
}
