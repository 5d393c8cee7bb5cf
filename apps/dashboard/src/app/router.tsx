import { createBrowserRouter, Navigate, type RouteObject } from 'react-router-dom';
import { SignInPage } from '../features/auth/SignInPage';
import { HomeRedirect } from '../features/home/HomeRedirect';
import { RoleHomePage } from '../features/home/RoleHomePage';
import { NotFoundResult } from '../shared/components/StatusResults';
import { UnderConstruction } from '../shared/components/UnderConstruction';
import { RequireAuth } from './auth/RequireAuth';
import { RequireRole } from './auth/RequireRole';
import { AppLayout } from './layout/AppLayout';
import { FEATURES, type FeatureEntry } from './navigation';

function featureRoute(feature: FeatureEntry): RouteObject {
  const Page = feature.page;
  return {
    // `/*` so a feature's own sub-routes (lists, detail pages) resolve inside its page.
    path: `${feature.key}/*`,
    element: <RequireRole roles={feature.roles}>{Page ? <Page /> : <UnderConstruction featureKey={feature.labelKey} />}</RequireRole>,
  };
}

export const routes: RouteObject[] = [
  { path: '/login', element: <SignInPage /> },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomeRedirect /> },
          { path: 'home', element: <Navigate to="/" replace /> },
          { path: 'home/:roleSlug', element: <RoleHomePage /> },
          ...FEATURES.map(featureRoute),
          { path: '*', element: <NotFoundResult /> },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routes);
