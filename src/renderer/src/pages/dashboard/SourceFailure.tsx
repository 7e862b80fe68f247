import { Alert, Anchor, Button, Group, Text } from '@mantine/core';
import { CircleAlert, PlugZap } from 'lucide-react';
import { useState } from 'react';
import type { ConnectionReport } from '../../../../shared/connection.ts';
import { SOURCE_LABELS } from '../../../../shared/runOutcome.ts';
import type { SourceOutcome } from '../../../../shared/runsContract.ts';
import type { SourceId } from '../../../../shared/settings.ts';
import { useApiAction } from '../../hooks/api.ts';
import { failureAdvice } from './failureAdvice.ts';

/**
 * A source that failed or was stopped: why, what to do, a link to the Settings field to fix, and a
 * Test connection with the saved settings whose answer shows here.
 */
export function SourceFailure(props: {
  source: SourceId;
  outcome: SourceOutcome;
  onOpenSettings(field?: string): void;
}) {
  const { source, outcome } = props;
  const advice = failureAdvice(source, outcome.reason);
  const test = useApiAction('testConnection');
  const [report, setReport] = useState<ConnectionReport>();
  const failed = outcome.status === 'failed';
  return (
    <Alert
      color={failed ? 'red' : 'yellow'}
      icon={<CircleAlert size={18} />}
      title={`${SOURCE_LABELS[source]} ${failed ? 'failed' : 'stopped early'}`}
      data-testid={`failure-${source}`}
    >
      <Text size="sm">{outcome.reason ?? 'No reason was recorded.'}</Text>
      <Text size="sm" mt={4} fw={600}>
        {advice.todo}
      </Text>
      <Group gap="sm" mt="xs">
        {advice.field && (
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() => props.onOpenSettings(advice.field)}
          >
            Open the {advice.fieldName} in Settings
          </Anchor>
        )}
        {advice.testable && (
          <Button
            size="compact-sm"
            variant="default"
            leftSection={<PlugZap size={14} />}
            loading={test.running}
            onClick={async () => setReport(await test.run({ source }))}
            aria-label={`Test connection to ${SOURCE_LABELS[source]} with the saved settings`}
          >
            Test connection
          </Button>
        )}
      </Group>
      {report && (
        <Text
          size="sm"
          mt="xs"
          role="status"
          data-testid={`failure-test-${source}`}
          data-status={report.status}
        >
          {report.status === 'ok' ? 'Connection ok now: ' : 'Still failing: '}
          {report.message}
        </Text>
      )}
    </Alert>
  );
}
