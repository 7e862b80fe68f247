import { Button, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A page with nothing to show yet: what will be here, and the one thing to do next. */
export function EmptyState(props: {
  icon: ReactNode;
  title: string;
  children: ReactNode;
  action?: { label: string; onClick: () => void };
}) {
  return (
    <Paper withBorder p="xl" maw={640} mx="auto" mt="xl">
      <Stack align="center" gap="sm" ta="center">
        <ThemeIcon size={56} radius="xl" variant="light">
          {props.icon}
        </ThemeIcon>
        <Title order={3}>{props.title}</Title>
        <Text c="dimmed">{props.children}</Text>
        {props.action && (
          <Button mt="sm" onClick={props.action.onClick}>
            {props.action.label}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
