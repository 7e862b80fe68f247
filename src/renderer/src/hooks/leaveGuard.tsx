import { createContext, useContext, useEffect, type ReactNode } from 'react';

/** A page with unsaved work: what to call it, and how to save or drop it when the user leaves. */
export type LeaveGuard = {
  /** e.g. "Settings". */
  what: string;
  /** Saves; resolves false when nothing was saved (a field needs attention). */
  save(): Promise<boolean>;
  discard(): void;
};

type Registry = { set(guard: LeaveGuard | null): void };
const LeaveGuardContext = createContext<Registry>({ set: () => undefined });

export function LeaveGuardProvider(props: { registry: Registry; children: ReactNode }) {
  return <LeaveGuardContext.Provider value={props.registry}>{props.children}</LeaveGuardContext.Provider>;
}

/** Holds the user on this page while `guard` is set (unsaved changes), asking before they leave. */
export function useLeaveGuard(guard: LeaveGuard | null) {
  const registry = useContext(LeaveGuardContext);
  useEffect(() => {
    registry.set(guard);
    return () => registry.set(null);
  }, [registry, guard]);
}
