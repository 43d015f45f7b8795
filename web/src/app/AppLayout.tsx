import type { Me } from '@atensi/domain';
import { AppShell, Burger, Group, Menu, NavLink, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconBuildingCommunity,
  IconBuildingWarehouse,
  IconCheck,
  IconChevronDown,
  IconFolder,
  IconHeartHandshake,
  IconHome,
  IconLanguage,
  IconListSearch,
  IconLogout,
  IconMessageReport,
  IconPackage,
  IconPigMoney,
  IconSend,
  IconTargetArrow,
  IconTornado,
  IconUserCircle,
  IconUsers,
  IconUsersGroup,
  IconWalk,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { can, MeContext, signOut } from '../api/me';
import { notify } from '../components/notify';
import { errorMessage } from '../components/PageStates';
import { languages } from '../i18n';

type NavItem = {
  to:
    | '/'
    | '/balai'
    | '/lks'
    | '/penerima-manfaat'
    | '/kasus'
    | '/rujukan'
    | '/penjangkauan'
    | '/penggalangan-dana'
    | '/gudang'
    | '/barang'
    | '/bencana'
    | '/target-penyaluran'
    | '/serasi'
    | '/serasi/sla'
    | '/pengguna'
    | '/audit';
  label: string;
  icon: ReactNode;
  show: boolean;
};

export function AppLayout({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const items: NavItem[] = [
    { to: '/', label: t('nav.home'), icon: <IconHome size={18} aria-hidden />, show: true },
    {
      to: '/balai',
      label: t('nav.centers'),
      icon: <IconBuildingCommunity size={18} aria-hidden />,
      show: true,
    },
    {
      // Reference data for every staff role; LKS staff work from their referrals instead.
      to: '/lks',
      label: t('partners.nav'),
      icon: <IconHeartHandshake size={18} aria-hidden />,
      show: can(me, 'partner.read') && me.roles.some((r) => r.role !== 'partner'),
    },
    {
      to: '/penerima-manfaat',
      label: t('nav.persons'),
      icon: <IconUsersGroup size={18} aria-hidden />,
      show: can(me, 'person.search'),
    },
    {
      to: '/kasus',
      label: t('nav.cases'),
      icon: <IconFolder size={18} aria-hidden />,
      show: can(me, 'case.list'),
    },
    {
      to: '/rujukan',
      label: t('referrals.nav'),
      icon: <IconSend size={18} aria-hidden />,
      show: can(me, 'case.listReferrals'),
    },
    {
      to: '/penjangkauan',
      label: t('outreach.nav'),
      icon: <IconWalk size={18} aria-hidden />,
      show: can(me, 'outreach.read'),
    },
    {
      to: '/penggalangan-dana',
      label: t('fundraising.nav'),
      icon: <IconPigMoney size={18} aria-hidden />,
      show: can(me, 'fundraising.list'),
    },
    {
      to: '/gudang',
      label: t('logistics.nav.warehouses'),
      icon: <IconBuildingWarehouse size={18} aria-hidden />,
      show: can(me, 'logistics.stock_read') || can(me, 'logistics.warehouses_manage'),
    },
    {
      to: '/barang',
      label: t('logistics.nav.items'),
      icon: <IconPackage size={18} aria-hidden />,
      show: can(me, 'logistics.catalog_manage'),
    },
    {
      to: '/bencana',
      label: t('disasters.nav'),
      icon: <IconTornado size={18} aria-hidden />,
      show: can(me, 'logistics.disasters_read'),
    },
    {
      to: '/target-penyaluran',
      label: t('disasters.navTargets'),
      icon: <IconTargetArrow size={18} aria-hidden />,
      show: can(me, 'logistics.targets_read'),
    },
    {
      to: '/serasi',
      label: t('serasi.nav'),
      icon: <IconMessageReport size={18} aria-hidden />,
      show: can(me, 'serasi.list'),
    },
    {
      // The administrator sets SERASI's service levels without working the queue.
      to: '/serasi/sla',
      label: t('serasi.navSla'),
      icon: <IconMessageReport size={18} aria-hidden />,
      show: can(me, 'serasi.updateSla') && !can(me, 'serasi.list'),
    },
    {
      to: '/pengguna',
      label: t('nav.users'),
      icon: <IconUsers size={18} aria-hidden />,
      show: can(me, 'user.manage'),
    },
    {
      to: '/audit',
      label: t('nav.audit'),
      icon: <IconListSearch size={18} aria-hidden />,
      show: can(me, 'audit.read'),
    },
  ];

  const isActive = (to: string) =>
    to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);

  const onSignOut = async () => {
    try {
      await signOut();
    } catch (error) {
      notify({ color: 'red', message: errorMessage(error, t('errors.generic')) });
      return;
    }
    queryClient.clear();
    queryClient.setQueryData(['me'], null);
    notify({ message: t('user.signedOut') });
    await navigate({ to: '/masuk' });
  };

  return (
    <MeContext.Provider value={me}>
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell
        header={{ height: 56 }}
        navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding="md"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={opened ? t('app.closeNavigation') : t('app.openNavigation')}
              />
              <Text component={Link} to="/" fw={700} size="lg" c="blue.8" style={{ textDecoration: 'none' }}>
                {t('app.name')}
              </Text>
              <Text size="sm" c="dimmed" visibleFrom="md">
                {t('app.tagline')}
              </Text>
            </Group>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <UnstyledButton aria-label={`${t('user.menu')}: ${me.name}`}>
                  <Group gap={4} wrap="nowrap">
                    <Text size="sm" fw={500} truncate maw={160}>
                      {me.name}
                    </Text>
                    <IconChevronDown size={14} aria-hidden />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>
                  <Group gap={4}>
                    <IconLanguage size={14} aria-hidden />
                    {t('user.language')}
                  </Group>
                </Menu.Label>
                {languages.map((lng) => (
                  <Menu.Item
                    key={lng}
                    lang={lng}
                    onClick={() => void i18n.changeLanguage(lng)}
                    rightSection={i18n.language === lng ? <IconCheck size={14} aria-hidden /> : null}
                    aria-current={i18n.language === lng ? 'true' : undefined}
                  >
                    {t(`language.${lng}`)}
                  </Menu.Item>
                ))}
                <Menu.Divider />
                <Menu.Item component={Link} to="/akun" leftSection={<IconUserCircle size={14} aria-hidden />}>
                  {t('user.account')}
                </Menu.Item>
                <Menu.Item
                  leftSection={<IconLogout size={14} aria-hidden />}
                  onClick={() => void onSignOut()}
                >
                  {t('user.signOut')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.main')}>
          {items
            .filter((i) => i.show)
            .map((item) => (
              <NavLink
                key={item.to}
                component={Link}
                to={item.to}
                label={item.label}
                leftSection={item.icon}
                active={isActive(item.to)}
                variant="filled"
                aria-current={isActive(item.to) ? 'page' : undefined}
                onClick={close}
              />
            ))}
        </AppShell.Navbar>

        <AppShell.Main id="main" tabIndex={-1}>
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </MeContext.Provider>
  );
}
