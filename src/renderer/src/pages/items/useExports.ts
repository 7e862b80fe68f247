import { notifications } from '@mantine/notifications';
import { useCallback, useRef, useState } from 'react';
import type { AppEvent } from '../../../../shared/events.ts';
import type { ExportFormat, ItemScope } from '../../../../shared/itemsContract.ts';
import { api, useAppEvents } from '../../hooks/api.ts';

export type RunningExport = { exportId: string; file: string; done: number; total: number };

const fileName = (file: string) => file.split(/[\\/]/).pop() ?? file;

/** Starts exports and follows their progress events until each one ends. */
export function useExports() {
  const [running, setRunning] = useState<Record<string, RunningExport>>({});
  // A small export can end before startExport has even answered.
  const ended = useRef(new Set<string>());
  const onEvent = useCallback((e: AppEvent) => {
    if (e.type === 'export-progress') {
      setRunning((r) => ({
        ...r,
        [e.exportId]: { exportId: e.exportId, file: e.file, done: e.done, total: e.total },
      }));
    } else if (e.type === 'export-finished') {
      ended.current.add(e.exportId);
      setRunning((r) => {
        const rest = { ...r };
        delete rest[e.exportId];
        return rest;
      });
      const name = fileName(e.file);
      if (e.status === 'completed')
        notifications.show({
          color: 'teal',
          title: 'Export finished',
          message: `Exported ${e.done.toLocaleString('en-US')} items to ${name}`,
        });
      else if (e.status === 'cancelled')
        notifications.show({ color: 'gray', title: 'Export cancelled', message: `${name} was removed.` });
      else notifications.show({ color: 'red', title: 'Export failed', message: e.error ?? 'Unknown error' });
    }
  }, []);
  useAppEvents(onEvent);

  const start = useCallback(async (format: ExportFormat, scope: ItemScope) => {
    try {
      const result = await api.startExport({ format, scope });
      if (result.cancelled || ended.current.has(result.exportId)) return;
      setRunning((r) => ({
        ...r,
        [result.exportId]: r[result.exportId] ?? {
          exportId: result.exportId,
          file: result.file,
          done: 0,
          total: 0,
        },
      }));
    } catch (e) {
      notifications.show({
        color: 'red',
        title: 'Export failed',
        message: e instanceof Error ? e.message : String(e),
      });
    }
  }, []);
  const cancel = useCallback((exportId: string) => void api.cancelExport(exportId), []);
  return { running: Object.values(running), start, cancel };
}
