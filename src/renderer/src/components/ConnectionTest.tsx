import { Alert, Button } from '@mantine/core';
import { CheckCircle2, CircleAlert, Clock, KeyRound, PlugZap, WifiOff } from 'lucide-react';
import { useEffect, useRef, type ReactNode } from 'react';
import type { ConnectionReport, ConnectionStatus } from '../../../shared/connection.ts';

const LOOK: Record<ConnectionStatus, { color: string; title: string; icon: ReactNode }> = {
  ok: { color: 'teal', title: 'Connection ok', icon: <CheckCircle2 size={18} /> },
  bad_token: { color: 'red', title: 'Not accepted', icon: <KeyRound size={18} /> },
  unreachable: { color: 'orange', title: 'Unreachable', icon: <WifiOff size={18} /> },
  rate_limited: { color: 'yellow', title: 'Rate limited', icon: <Clock size={18} /> },
  error: { color: 'red', title: 'Error', icon: <CircleAlert size={18} /> },
};

/** "Test connection", beside the secret it checks. */
export function ConnectionTestButton(props: { label: string; running: boolean; onTest(): void }) {
  return (
    <Button
      variant="light"
      leftSection={<PlugZap size={16} />}
      loading={props.running}
      onClick={props.onTest}
      aria-label={`Test connection to ${props.label}`}
    >
      Test connection
    </Button>
  );
}

/** Its answer, right under the secret, brought into view (clear of the sticky footer) and announced. */
export function ConnectionAnswer(props: { report: ConnectionReport }) {
  const { report } = props;
  const look = LOOK[report.status];
  const box = useRef<HTMLDivElement>(null);
  // Braces: Chromium's scrollIntoView returns a promise, which React would take for a cleanup function.
  useEffect(() => {
    box.current?.scrollIntoView({ block: 'nearest' });
  }, [report]);
  return (
    <Alert
      ref={box}
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
  );
}
