import type { QueryClient } from '@tanstack/react-query';
import { useQuery } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  Navigate,
  Outlet,
  redirect,
  useRouter,
} from '@tanstack/react-router';
import { meQueryOptions } from '../api/me';
import { ErrorState, LoadingState, NotFoundPage } from '../components/PageStates';
import { AuditPage } from '../features/audit/AuditPage';
import { LoginPage } from '../features/auth/LoginPage';
import { SetupPage } from '../features/auth/SetupPage';
import { CaseCreatePage } from '../features/cases/CaseCreatePage';
import { CaseDetailPage } from '../features/cases/CaseDetailPage';
import { CasesListPage } from '../features/cases/CasesListPage';
import { CenterDetailPage } from '../features/centers/CenterDetailPage';
import { CenterCreatePage, CenterEditPage } from '../features/centers/CenterFormPages';
import { CentersListPage } from '../features/centers/CentersListPage';
import { parseCenterSearch } from '../features/centers/centerSearch';
import { DisasterCreatePage } from '../features/disasters/DisasterCreatePage';
import { DisasterDetailPage } from '../features/disasters/DisasterDetailPage';
import { DisastersListPage } from '../features/disasters/DisastersListPage';
import { DispatchDetailPage } from '../features/disasters/DispatchDetailPage';
import { TargetsPage } from '../features/disasters/TargetsPage';
import { CampaignDetailPage } from '../features/fundraising/CampaignDetailPage';
import { CampaignsListPage } from '../features/fundraising/CampaignsListPage';
import { HomePage } from '../features/home/HomePage';
import { DistributionDetailPage } from '../features/logistics/DistributionDetailPage';
import { ItemsPage } from '../features/logistics/ItemsPage';
import { WarehouseDetailPage } from '../features/logistics/WarehouseDetailPage';
import { WarehousesListPage } from '../features/logistics/WarehousesListPage';
import { OutreachCreatePage } from '../features/outreach/OutreachCreatePage';
import { OutreachDetailPage } from '../features/outreach/OutreachDetailPage';
import { OutreachPage } from '../features/outreach/OutreachPage';
import { PartnerDetailPage } from '../features/partners/PartnerDetailPage';
import { PartnerCreatePage, PartnerEditPage } from '../features/partners/PartnerFormPages';
import { PartnersListPage } from '../features/partners/PartnersListPage';
import { parsePartnerSearch } from '../features/partners/partnerSearch';
import { PersonDetailPage } from '../features/persons/PersonDetailPage';
import { PersonCreatePage, PersonEditPage } from '../features/persons/PersonFormPages';
import { PersonsListPage } from '../features/persons/PersonsListPage';
import { ReferralsPage } from '../features/referrals/ReferralsPage';
import { parseReferralSearch } from '../features/referrals/referralSearch';
import { DeskPage } from '../features/serasi/DeskPage';
import { ReportPage } from '../features/serasi/ReportPage';
import { SlaPage } from '../features/serasi/SlaPage';
import { TicketDetailPage } from '../features/serasi/TicketDetailPage';
import { TrackPage, TrackResultPage } from '../features/serasi/TrackPage';
import { AccountPage } from '../features/users/AccountPage';
import { UserCreatePage } from '../features/users/UserCreatePage';
import { UserDetailPage } from '../features/users/UserDetailPage';
import { UsersListPage } from '../features/users/UsersListPage';
import { AppLayout } from './AppLayout';

/** Plain `?province=32&page=2` search strings (the router's default JSON-encodes `"32"`). */
const parseSearch = (search: string): Record<string, unknown> =>
  Object.fromEntries(new URLSearchParams(search.startsWith('?') ? search.slice(1) : search));

const stringifySearch = (search: Record<string, unknown>): string => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
};

export type RouterContext = { queryClient: QueryClient };

function RootError({ error }: { error: unknown }) {
  const router = useRouter();
  return (
    <main style={{ padding: 'var(--mantine-spacing-md)' }}>
      <ErrorState error={error} onRetry={() => void router.invalidate()} />
    </main>
  );
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
  errorComponent: RootError,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/masuk',
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData(meQueryOptions);
    if (me) throw redirect({ to: '/' });
  },
  component: LoginPage,
});

const setupRoute = createRoute({ getParentRoute: () => rootRoute, path: '/pasang', component: SetupPage });

/** SERASI's public pages: anyone reports and tracks without signing in. Only the tracking code goes into a URL. */
const reportRoute = createRoute({ getParentRoute: () => rootRoute, path: '/lapor', component: ReportPage });
const trackRoute = createRoute({ getParentRoute: () => rootRoute, path: '/lacak', component: TrackPage });
export const trackResultRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/lacak/$code',
  component: TrackResultPage,
});

/** Everything behind sign-in. The layout re-checks `me` so signing out (or a 401) leaves at once. */
function AuthenticatedLayout() {
  const me = useQuery(meQueryOptions);
  if (me.isPending) return <LoadingState />;
  if (me.error) return <RootError error={me.error} />;
  if (!me.data) return <Navigate to="/masuk" />;
  return <AppLayout me={me.data} />;
}

const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData(meQueryOptions);
    if (!me) throw redirect({ to: '/masuk' });
  },
  component: AuthenticatedLayout,
});

const homeRoute = createRoute({ getParentRoute: () => appRoute, path: '/', component: HomePage });

export const centersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/balai',
  validateSearch: parseCenterSearch,
  component: CentersListPage,
});
const centerNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/balai/baru',
  component: CenterCreatePage,
});
export const centerDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/balai/$id',
  component: CenterDetailPage,
});
export const centerEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/balai/$id/ubah',
  component: CenterEditPage,
});

/** Persons: no search params at all (names and NIKs never go into the URL); the id in the path is fine. */
const personsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/penerima-manfaat',
  component: PersonsListPage,
});
const personNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/penerima-manfaat/baru',
  component: PersonCreatePage,
});
export const personDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/penerima-manfaat/$id',
  component: PersonDetailPage,
});
export const personEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/penerima-manfaat/$id/ubah',
  component: PersonEditPage,
});

/** Cases: search terms stay in React state (POST bodies); only ids go into paths. */
const casesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/kasus',
  component: CasesListPage,
});
export const caseDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/kasus/$id',
  component: CaseDetailPage,
});
export const caseNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/penerima-manfaat/$id/kasus-baru',
  component: CaseCreatePage,
});

/** Your own account: name and password. */
const accountRoute = createRoute({ getParentRoute: () => appRoute, path: '/akun', component: AccountPage });

const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/pengguna',
  component: UsersListPage,
});
const userNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/pengguna/baru',
  component: UserCreatePage,
});
export const userDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/pengguna/$id',
  component: UserDetailPage,
});
/** SERASI desk: search terms (codes, landmarks) stay in React state (POST bodies); only ids go into paths. */
const serasiRoute = createRoute({ getParentRoute: () => appRoute, path: '/serasi', component: DeskPage });
const serasiSlaRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/serasi/sla',
  component: SlaPage,
});
export const serasiTicketRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/serasi/$id',
  component: TicketDetailPage,
});

/** LKS mitra: reference data, so the list's filters live in the URL. */
const partnersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/lks',
  validateSearch: parsePartnerSearch,
  component: PartnersListPage,
});
const partnerNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/lks/baru',
  component: PartnerCreatePage,
});
export const partnerDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/lks/$id',
  component: PartnerDetailPage,
});
export const partnerEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/lks/$id/ubah',
  component: PartnerEditPage,
});
/** Referrals in and out: only direction, status and target go into the URL. */
const referralsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/rujukan',
  validateSearch: parseReferralSearch,
  component: ReferralsPage,
});

/** Fundraising: filters and title searches stay in React state (POST bodies); only ids go into paths. */
const campaignsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/penggalangan-dana',
  component: CampaignsListPage,
});
export const campaignDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/penggalangan-dana/$id',
  component: CampaignDetailPage,
});

/** Outreach: filters stay in React state (POST bodies); only ids go into paths. */
const outreachRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/penjangkauan',
  component: OutreachPage,
});
const outreachNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/penjangkauan/baru',
  component: OutreachCreatePage,
});
export const outreachDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/penjangkauan/$id',
  component: OutreachDetailPage,
});

/** Logistics: filters and names stay in React state (POST bodies); only ids go into paths. */
const warehousesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/gudang',
  component: WarehousesListPage,
});
export const warehouseDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/gudang/$id',
  component: WarehouseDetailPage,
});
const itemsRoute = createRoute({ getParentRoute: () => appRoute, path: '/barang', component: ItemsPage });
export const distributionDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/penyaluran/$id',
  component: DistributionDetailPage,
});

/** Disasters, waybills and targets: searches stay in React state (POST bodies); only ids go into paths. */
const disastersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bencana',
  component: DisastersListPage,
});
const disasterNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bencana/baru',
  component: DisasterCreatePage,
});
export const disasterDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bencana/$id',
  component: DisasterDetailPage,
});
export const dispatchDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/surat-jalan/$id',
  component: DispatchDetailPage,
});
const targetsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/target-penyaluran',
  component: TargetsPage,
});

const auditRoute = createRoute({ getParentRoute: () => appRoute, path: '/audit', component: AuditPage });

const routeTree = rootRoute.addChildren([
  loginRoute,
  setupRoute,
  reportRoute,
  trackRoute,
  trackResultRoute,
  appRoute.addChildren([
    homeRoute,
    centersRoute,
    centerNewRoute,
    centerDetailRoute,
    centerEditRoute,
    personsRoute,
    personNewRoute,
    personDetailRoute,
    personEditRoute,
    caseNewRoute,
    casesRoute,
    caseDetailRoute,
    accountRoute,
    usersRoute,
    userNewRoute,
    userDetailRoute,
    serasiRoute,
    serasiSlaRoute,
    serasiTicketRoute,
    partnersRoute,
    partnerNewRoute,
    partnerDetailRoute,
    partnerEditRoute,
    referralsRoute,
    campaignsRoute,
    campaignDetailRoute,
    outreachRoute,
    outreachNewRoute,
    outreachDetailRoute,
    disastersRoute,
    disasterNewRoute,
    disasterDetailRoute,
    dispatchDetailRoute,
    targetsRoute,
    warehousesRoute,
    warehouseDetailRoute,
    itemsRoute,
    distributionDetailRoute,
    auditRoute,
  ]),
]);

export const createAppRouter = (queryClient: QueryClient) =>
  createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPendingComponent: () => <LoadingState />,
    scrollRestoration: true,
    parseSearch,
    stringifySearch,
  });

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
