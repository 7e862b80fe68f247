import { AppShell, Badge, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { Database, LayoutDashboard, Settings as SettingsIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { useApiQuery } from './hooks/api.ts';
import { useHashRoute, type Page } from './hooks/useHashRoute.ts';
import { DashboardPage } from './pages/DashboardPage.tsx';
import { ItemsPage } from './pages/ItemsPage.tsx';
import { SettingsPage } from './pages/SettingsPage.tsx';

const NAV: { page: Page; label: string; icon: ReactNode; hint: string }[] = [
  { page: 'dashboard', label: 'Dashboard', icon: <LayoutDashboard size={18} />, hint: 'Run ingestion' },
  { page: 'items', label: 'Items', icon: <Database size={18} />, hint: 'Browse and export' },
  { page: 'settings', label: 'Settings', icon: <SettingsIcon size={18} />, hint: 'Keys and filters' },
];

export function App() {
  const [page, go] = useHashRoute();
  const info = useApiQuery('getAppInfo');
  return (
    <AppShell navbar={{ width: 232, breakpoint: 0 }} padding="lg">
      <AppShell.Navbar p="sm">
        <Stack gap={4} mb="md" px="xs" pt="xs">
          <Title order={4}>Code Helper Ingest</Title>
          <Text size="xs" c="dimmed">
            GitHub code and Stack Overflow Q&amp;A for your RAG
          </Text>
        </Stack>
        <nav aria-label="Main">
          {NAV.map((n) => (
            <NavLink
              key={n.page}
              href={`#/${n.page}`}
              label={n.label}
              description={n.hint}
              leftSection={n.icon}
              active={page === n.page}
              aria-current={page === n.page ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                go(n.page);
              }}
            />
          ))}
        </nav>
        <Group mt="auto" px="xs" gap="xs">
          <Badge variant="light" color="gray" size="sm" tt="none">
            v{info.data?.version ?? '…'}
          </Badge>
        </Group>
      </AppShell.Navbar>
      <AppShell.Main>
        {page === 'dashboard' && <DashboardPage onOpenSettings={() => go('settings')} />}
        {page === 'items' && <ItemsPage onOpenSettings={() => go('settings')} />}
        {page === 'settings' && <SettingsPage />}
      </AppShell.Main>
    </AppShell>
  );
}
