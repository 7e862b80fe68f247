import { Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { Settings } from '../../../../shared/settings.ts';
import { SETTINGS_SECTIONS, type FieldSpec } from '../settings/settingsFields.ts';

function shown(spec: FieldSpec, value: unknown): string {
  if (spec.kind === 'secret') return value ? 'set' : 'not set';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.length ? value.join(', ') : '—';
  if (typeof value === 'number') return value.toLocaleString('en-US');
  return value === '' || value === undefined ? '—' : String(value);
}

/** The settings a run used, named as in Settings (secrets only as set or not). */
export function RunSettings({ settings }: { settings: Settings }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="run-settings">
      <Title order={3} size="h4" id="run-settings" mb="xs">
        Settings used
      </Title>
      <SimpleGrid cols={{ base: 1, lg: 3 }}>
        {SETTINGS_SECTIONS.map((section) => (
          <Stack key={section.id} gap={4}>
            <Text fw={700}>{section.title}</Text>
            <Table withRowBorders={false} verticalSpacing={2} data-testid={`run-settings-${section.id}`}>
              <Table.Tbody>
                {(section.fields as FieldSpec[]).map((spec) => (
                  <Table.Tr key={spec.key}>
                    <Table.Td c="dimmed" w="45%">
                      {spec.label}
                    </Table.Td>
                    <Table.Td style={{ wordBreak: 'break-word' }}>
                      {shown(spec, (settings[section.id] as Record<string, unknown>)[spec.key])}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        ))}
      </SimpleGrid>
    </Paper>
  );
}
