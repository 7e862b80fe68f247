import { AppShell, Badge, Group, Loader, NavLink, Stack, Text, Title } from '@mantine/core';
import { Database, LayoutDashboard, Settings as SettingsIcon } from 'lucide-react';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { ColorSchemeControl } from './components/ColorSchemeControl.tsx';
import { SkipLink } from './components/SkipLink.tsx';
import { UnsavedChangesModal } from './components/UnsavedChangesModal.tsx';
import { useApiQuery } from './hooks/api.ts';
import { LeaveGuardProvider, type LeaveGuard } from './hooks/leaveGuard.tsx';
import { type Route } from './hooks/routes.ts';
import { useHashRoute } from './hooks/useHashRoute.ts';
import { DashboardPage } from './pages/DashboardPage.tsx';
import { ItemsPage } from './pages/ItemsPage.tsx';
import { RunPage } from './pages/RunPage.tsx';
import { SettingsPage } from './pages/SettingsPage.tsx';
import { RecoveryScreen } from './recovery/RecoveryScreen.tsx';
import { useStorageState } from './recovery/useStorageState.ts';

type NavPage = 'dashboard' | 'items' | 'settings';
const NAV: { page: NavPage; label: string; icon: ReactNode; hint: string }[] = [
  { page: 'dashboard', label: 'Dashboard', icon: <LayoutDashboard size={18} />, hint: 'Run ingestion' },
  { page: 'items', label: 'Items', icon: <Database size={18} />, hint: 'Browse and export' },
  { page: 'settings', label: 'Settings', icon: <SettingsIcon size={18} />, hint: 'Keys and filters' },
];
/** A run's page belongs to the Dashboard in the sidebar. */
const navPageOf = (route: Route): NavPage => (route.page === 'run' ? 'dashboard' : route.page);

export function App() {
  const info = useApiQuery('getAppInfo');
  const guard = useRef<LeaveGuard | null>(null);
  /** Where the user asked to go while a page holds unsaved changes, and that page's guard. */
  const [pending, setPending] = useState<{ to: Route; guard: LeaveGuard } | null>(null);
  const leaving = useRef(false);
  const registry = useMemo(
    () => ({
      set: (next: LeaveGuard | null) => {
        guard.current = next;
      },
    }),
    [],
  );
  const [route, go] = useHashRoute((to) => {
    if (!guard.current || leaving.current) return true;
    setPending({ to, guard: guard.current });
    return false;
  });
  const leave = () => {
    const to = pending?.to;
    setPending(null);
    if (!to) return;
    leaving.current = true;
    go(to);
    leaving.current = false;
  };
  const openSettings = (field?: string) => go({ page: 'settings', field });

  // Without a database the app is the recovery screen. The shell shows at once (a first Tab press lands
  // in it); the pages, which need the database, once it is known to be open.
  const storage = useStorageState();
  if (storage.state?.problem) return <RecoveryScreen state={storage.state} onState={storage.update} />;
  return (
    <LeaveGuardProvider registry={registry}>
      <SkipLink target="main-content" />
      <AppShell navbar={{ width: 232, breakpoint: 0 }} padding="lg">
        <AppShell.Navbar p="sm">
          <Stack gap={4} mb="md" px="xs" pt="xs">
            <Title order={4} component="p">
              Code Helper Ingest
            </Title>
            <Text size="xs" c="dimmed">
              GitHub code and Stack Overflow Q&amp;A for your RAG
            </Text>
          </Stack>
          <nav aria-label="Main">
            {NAV.map((n) => {
              const active = navPageOf(route) === n.page;
              return (
                <NavLink
                  key={n.page}
                  href={`#/${n.page}`}
                  label={n.label}
                  description={n.hint}
                  leftSection={n.icon}
                  active={active}
                  aria-current={active ? 'page' : undefined}
                  onClick={(e) => {
                    e.preventDefault();
                    go({ page: n.page });
                  }}
                />
              );
            })}
          </nav>
          <Stack mt="auto" px="xs" gap="xs">
            <ColorSchemeControl />
            <Group gap="xs">
              <Badge variant="light" color="gray" size="sm" tt="none">
                v{info.data?.version ?? '…'}
              </Badge>
            </Group>
          </Stack>
        </AppShell.Navbar>
        <AppShell.Main id="main-content" tabIndex={-1}>
          {!storage.state && <Loader aria-label="Opening the database" />}
          {storage.state && route.page === 'dashboard' && <DashboardPage onOpenSettings={openSettings} />}
          {storage.state && route.page === 'run' && (
            <RunPage runId={route.runId} onOpenSettings={openSettings} />
          )}
          {storage.state && route.page === 'items' && <ItemsPage onOpenSettings={() => openSettings()} />}
          {storage.state && route.page === 'settings' && <SettingsPage focusField={route.field} />}
        </AppShell.Main>
      </AppShell>
      <UnsavedChangesModal
        guard={pending?.guard ?? null}
        opened={pending !== null}
        onStay={() => setPending(null)}
        onLeave={leave}
      />
    </LeaveGuardProvider>
  );
}
