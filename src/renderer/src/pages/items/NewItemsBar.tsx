import { Button, Paper, Text } from '@mantine/core';
import { ArrowUp } from 'lucide-react';

/** Floats over the top of the list when a run has stored items that match: the list moves only on request. */
export function NewItemsBar(props: { count: number; onShow: () => void }) {
  if (props.count === 0) return null;
  return (
    <div className="new-items" role="status">
      <Paper shadow="md" withBorder px="sm" py={4} radius="xl" className="new-items-bar">
        <Text span size="sm">
          {props.count.toLocaleString()} new item{props.count === 1 ? '' : 's'}
        </Text>
        <Button size="compact-sm" variant="light" leftSection={<ArrowUp size={14} />} onClick={props.onShow}>
          Show
        </Button>
      </Paper>
    </div>
  );
}
