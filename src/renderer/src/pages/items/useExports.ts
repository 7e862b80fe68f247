import { useCallback, useRef, useState } from 'react';
import type { AppEvent } from '../../../../shared/events.ts';
import type { ExportFieldGroup } from '../../../../shared/exportFields.ts';
import type { ExportFormat, ItemScope } from '../../../../shared/itemsContract.ts';
import { api, useAppEvents } from '../../hooks/api.ts';
import type { ExportState } from './exportStatus.ts';

/** Starts exports and follows them until the user dismisses their end message. */
export function useExports() {
  const [exports, setExports] = useState<Record<string, ExportState>>({});
  const [startError, setStartError] = useState<string | null>(null);
  // A small export can end before startExport has even answered.
  const ended = useRef(new Map<string, ExportState>());
  const onEvent = useCallback((e: AppEvent) => {
    if (e.type === 'export-progress') {
      setExports((all) =>
        all[e.exportId]?.status === 'running' || !all[e.exportId]
          ? { ...all, [e.exportId]: { ...e, status: 'running' } }
          : all,
      );
    } else if (e.type === 'export-finished') {
      const state: ExportState = {
        exportId: e.exportId,
        file: e.file,
        done: e.done,
        total: e.total,
        status: e.status,
        error: e.error,
      };
      ended.current.set(e.exportId, state);
      setExports((all) => ({ ...all, [e.exportId]: state }));
    }
  }, []);
  useAppEvents(onEvent);

  const start = useCallback(async (format: ExportFormat, scope: ItemScope, fields: ExportFieldGroup[]) => {
    setStartError(null);
    try {
      const result = await api.startExport({ format, scope, fields });
      if (result.cancelled) return;
      const { exportId, file } = result;
      const state = ended.current.get(exportId) ?? { exportId, file, done: 0, total: 0, status: 'running' };
      setExports((all) => ({ ...all, [exportId]: all[exportId] ?? state }));
    } catch (e) {
      setStartError(e instanceof Error ? e.message : String(e));
    }
  }, []);
  const cancel = useCallback((exportId: string) => void api.cancelExport(exportId), []);
  const dismiss = useCallback((exportId: string) => {
    setExports((all) => {
      const rest = { ...all };
      delete rest[exportId];
      return rest;
    });
  }, []);
  return {
    exports: Object.values(exports),
    startError,
    clearStartError: () => setStartError(null),
    start,
    cancel,
    dismiss,
  };
}
