import { Title } from '@mantine/core';
import { Rocket } from 'lucide-react';
import { EmptyState } from '../components/EmptyState.tsx';

export function DashboardPage(props: { onOpenSettings: () => void }) {
  return (
    <>
      <Title order={2} mb="md">
        Dashboard
      </Title>
      <EmptyState
        icon={<Rocket size={28} />}
        title="No ingestion runs yet"
        action={{ label: 'Open Settings', onClick: props.onOpenSettings }}
      >
        Here you will start, pause and cancel runs that collect GitHub code and Stack Overflow Q&amp;A at the
        same time, and watch their progress, rate-limit waits and items per second live. First add your GitHub
        token and choose languages and tags in Settings, then press Test connection.
      </EmptyState>
    </>
  );
}
