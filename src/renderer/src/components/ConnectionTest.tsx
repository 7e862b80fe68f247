import { Alert, Button, Group } from '@mantine/core';
import { CheckCircle2, CircleAlert, Clock, KeyRound, PlugZap, WifiOff } from 'lucide-react';
import { useState } from 'react';
import type { ConnectionDraft, ConnectionReport, ConnectionStatus } from '../../../shared/connection.ts';
import { useApiAction } from '../hooks/api.ts';

const LOOK: Record<ConnectionStatus, { color: string; title: string; icon: React.ReactNode }> = {
  ok: { color: 'teal', title: 'Connection ok', icon: <CheckCircle2 size={18} /> },
  bad_token: { color: 'red', title: 'Token rejected', icon: <KeyRound size={18} /> },
  unreachable: { color: 'orange', title: 'Unreachable', icon: <WifiOff size={18} /> },
  rate_limited: { color: 'yellow', title: 'Rate limited', icon: <Clock size={18} /> },
  error: { color: 'red', title: 'Error', icon: <CircleAlert size={18} /> },
};

/** "Test connection" with what the form holds now (URL and a typed, unsaved secret). */
export function ConnectionTest(props: { draft: () => ConnectionDraft; label: string }) {
  const { run, running } = useApiAction('testConnection');
  const [report, setReport] = useState<ConnectionReport>();
  const look = report && LOOK[report.status];
  return (
    <div>
      <Group>
        <Button
          variant="light"
          leftSection={<PlugZap size={16} />}
          loading={running}
          onClick={async () => setReport(await run(props.draft()))}
          aria-label={`Test connection to ${props.label}`}
        >
          Test connection
        </Button>
      </Group>
      {report && look && (
        <Alert
          mt="sm"
          color={look.color}
          icon={look.icon}
          title={look.title}
          data-testid={`connection-${report.source}`}
          data-status={report.status}
          role="status"
        >
          {report.message}
        </Alert>
      )}
    </div>
  );
}
