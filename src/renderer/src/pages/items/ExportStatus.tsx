import { Alert, Button, CloseButton, Group, Paper, Progress, Text } from '@mantine/core';
import { FolderOpen } from 'lucide-react';
import { useState } from 'react';
import { api } from '../../hooks/api.ts';
import { exportStatusText, type ExportState } from './exportStatus.ts';

function ExportLine(props: { e: ExportState; onCancel: () => void; onDismiss: () => void }) {
  const { e } = props;
  const [problem, setProblem] = useState<string | null>(null);
  const text = exportStatusText(e);
  const running = e.status === 'running';
  return (
    <Paper
      withBorder
      shadow="md"
      p="xs"
      className="export-line"
      data-testid="export-status"
      data-status={e.status}
    >
      <Group gap="sm" wrap="nowrap" align="center">
        <Text
          size="sm"
          style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}
          c={e.status === 'failed' ? 'red' : undefined}
        >
          {text}
        </Text>
        {e.status === 'completed' && (
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<FolderOpen size={14} />}
            onClick={() =>
              api.showExportInFolder(e.exportId).then(
                () => setProblem(null),
                (error: unknown) => setProblem(error instanceof Error ? error.message : String(error)),
              )
            }
          >
            Show in folder
          </Button>
        )}
        {running ? (
          <Button size="compact-sm" variant="subtle" color="red" onClick={props.onCancel}>
            Cancel
          </Button>
        ) : (
          <CloseButton size="sm" aria-label="Dismiss export message" onClick={props.onDismiss} />
        )}
      </Group>
      {running && (
        <Progress.Root mt={6} size="sm">
          <Progress.Section
            value={e.total ? (100 * e.done) / e.total : 100}
            animated={e.total === 0}
            striped={e.total === 0}
            aria-label={text}
          />
        </Progress.Root>
      )}
      {problem && (
        <Alert color="red" mt={6} p="xs">
          {problem}
        </Alert>
      )}
    </Paper>
  );
}

/**
 * Each export's progress and, once it ends, where its file went, over the bottom of the list: it never
 * pushes the page down. Dismissing the last one hands the focus back to the Export button.
 */
export function ExportStatus(props: {
  exports: ExportState[];
  startError: string | null;
  onClearStartError: () => void;
  onCancel: (exportId: string) => void;
  onDismiss: (exportId: string) => void;
}) {
  if (props.exports.length === 0 && !props.startError) return null;
  return (
    <div className="export-status" role="status" aria-live="polite">
      {props.startError && (
        <Alert
          color="red"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={props.onClearStartError}
          p="xs"
        >
          The export did not start: {props.startError}
        </Alert>
      )}
      {props.exports.map((e) => (
        <ExportLine
          key={e.exportId}
          e={e}
          onCancel={() => props.onCancel(e.exportId)}
          onDismiss={() => props.onDismiss(e.exportId)}
        />
      ))}
    </div>
  );
}
