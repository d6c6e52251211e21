import { createBrowserRouter } from 'react-router-dom';
import { SignInScreen } from '../features/auth/components/sign-in-screen';
import { RequireAgent } from './require-agent';
import { NotFoundScreen } from './routes/not-found';
import { ScreenError } from './routes/screen-error';
import { loadWholeCatalogue } from '../i18n/i18n';
import { useT } from '../i18n/translate';

function LoadingConsole() {
  return <p className="boot">{useT()('app.loading')}</p>;
}

export function createRouter() {
  return createBrowserRouter([
    { path: '/sign-in', element: <SignInScreen /> },
    {
      element: <RequireAgent />,
      HydrateFallback: LoadingConsole,
      children: [
        {
          // The shell of signed-in agents (banner, clocks, shortcuts) loads after sign-in too,
          // and renders, with every screen in it, once the language has all its messages.
          lazy: async () => {
            const [{ AppShell }] = await Promise.all([import('./app-shell'), loadWholeCatalogue()]);
            return { Component: AppShell };
          },
          // Screens for signed-in agents load after sign-in, keeping the sign-in screen light.
          children: [
            {
              index: true,
              lazy: async () => ({ Component: (await import('./routes/home')).HomeScreen }),
              errorElement: <ScreenError />,
            },
            {
              path: 'customers/:customerReference',
              errorElement: <ScreenError />,
              lazy: async () => ({ Component: (await import('./routes/customer')).CustomerLayout }),
              // The customer workspace loads only once the agent acts as someone.
              children: [
                {
                  lazy: async () => ({
                    Component: (await import('./routes/customer-workspace')).CustomerWorkspace,
                  }),
                  children: [
                    {
                      index: true,
                      lazy: async () => ({
                        Component: (await import('./routes/customer-workspace')).CartsTab,
                      }),
                    },
                    {
                      path: 'orders',
                      lazy: async () => ({
                        Component: (await import('./routes/customer-workspace')).OrdersTab,
                      }),
                    },
                    {
                      path: 'addresses',
                      lazy: async () => ({
                        Component: (await import('./routes/customer-workspace')).AddressesTab,
                      }),
                    },
                    {
                      path: 'wishlists',
                      lazy: async () => ({
                        Component: (await import('./routes/customer-workspace')).WishlistsTab,
                      }),
                    },
                    {
                      path: 'profile',
                      lazy: async () => ({
                        Component: (await import('./routes/customer-workspace')).ProfileTab,
                      }),
                    },
                  ],
                },
                {
                  path: 'carts/:cartId',
                  lazy: async () => ({ Component: (await import('./routes/cart')).CartScreen }),
                },
                {
                  path: 'carts/:cartId/checkout',
                  lazy: async () => ({
                    Component: (await import('./routes/checkout')).CheckoutRoute,
                  }),
                },
                {
                  path: 'wishlists/:wishlistId',
                  lazy: async () => ({
                    Component: (await import('./routes/wishlist')).WishlistScreen,
                  }),
                },
                {
                  path: 'orders/:orderReference',
                  lazy: async () => ({ Component: (await import('./routes/order')).OrderScreen }),
                },
              ],
            },
          ],
        },
      ],
    },
    { path: '*', element: <NotFoundScreen /> },
  ]);
}
