import { Title } from '@mantine/core';
import { Database } from 'lucide-react';
import { EmptyState } from '../components/EmptyState.tsx';

export function ItemsPage(props: { onOpenSettings: () => void }) {
  return (
    <>
      <Title order={2} mb="md">
        Items
      </Title>
      <EmptyState
        icon={<Database size={28} />}
        title="Your collection is empty"
        action={{ label: 'Configure sources in Settings', onClick: props.onOpenSettings }}
      >
        Collected code files and Q&amp;A pairs will be listed here, with full-text search, filters by source,
        language, repository and tag, a detail view with highlighted code, and export to JSONL, CSV, Markdown
        or Parquet.
      </EmptyState>
    </>
  );
}
