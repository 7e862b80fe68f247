import { describe, expect, it } from 'vitest';
import {
  deriveRunStatus,
  describeRunOutcome,
  isResumable,
  limitStopReason,
  lostConnectionReason,
} from '../../src/shared/runOutcome.ts';

const quota = limitStopReason('daily quota', '2026-12-02T00:00:00.000Z');

describe('run outcome', () => {
  it('derives the run status from how its sources ended', () => {
    expect(deriveRunStatus(['completed', 'completed'])).toBe('completed');
    expect(deriveRunStatus(['failed', 'completed'])).toBe('partial');
    expect(deriveRunStatus(['failed', 'stopped'])).toBe('partial');
    expect(deriveRunStatus(['completed', 'stopped'])).toBe('stopped');
    expect(deriveRunStatus(['stopped'])).toBe('stopped');
    expect(deriveRunStatus(['failed', 'failed'])).toBe('failed');
    // The other source was stopped because this one failed (continue on error off).
    expect(deriveRunStatus(['failed', 'cancelled'])).toBe('failed');
    expect(deriveRunStatus(['completed', 'stopped'], { cancelled: true })).toBe('cancelled');
    expect(deriveRunStatus(['completed'], { storageStopped: true })).toBe('interrupted');
    expect(deriveRunStatus([], { crashed: true })).toBe('failed');
  });

  it('offers every finished run that did not complete for resume (TEAM.md decision 8)', () => {
    for (const s of ['interrupted', 'stopped', 'cancelled', 'partial', 'failed'] as const)
      expect(isResumable(s)).toBe(true);
    for (const s of ['completed', 'running', 'paused'] as const) expect(isResumable(s)).toBe(false);
  });

  it('words each outcome in one sentence', () => {
    expect(quota).toBe('daily quota spent, resets at 00:00 UTC');
    const stopped = { status: 'stopped' as const, reason: quota, resumeAt: '2026-12-02T00:00:00.000Z' };
    expect(describeRunOutcome('completed', { github: { status: 'completed' } })).toBe('completed');
    expect(
      describeRunOutcome('partial', {
        github: { status: 'failed', reason: 'token rejected' },
        stackoverflow: { status: 'completed' },
      }),
    ).toBe('completed with 1 source failed');
    expect(describeRunOutcome('stopped', { github: { status: 'completed' }, stackoverflow: stopped })).toBe(
      "stopped: Stack Overflow's daily quota is spent; resume after 00:00 UTC",
    );
    expect(describeRunOutcome('partial', { github: { status: 'failed' }, stackoverflow: stopped })).toBe(
      "completed with 1 source failed; Stack Overflow's daily quota is spent; resume after 00:00 UTC",
    );
    expect(
      describeRunOutcome('failed', { github: { status: 'failed' }, stackoverflow: { status: 'failed' } }),
    ).toBe('failed: both sources failed');
    expect(describeRunOutcome('failed', { github: { status: 'failed', reason: 'token rejected' } })).toBe(
      'failed: GitHub failed (token rejected)',
    );
    expect(describeRunOutcome('failed', {})).toBe('failed');
    expect(describeRunOutcome('cancelled', {})).toBe('cancelled');
    expect(describeRunOutcome('interrupted', {})).toBe('interrupted');
  });

  it("says what to do when a lost connection or a full disk stopped the run, in the reader's words", () => {
    const lost = { status: 'stopped' as const, reason: lostConnectionReason('github', 'ECONNREFUSED') };
    expect(lost.reason).toBe('lost the connection to GitHub (ECONNREFUSED); resume when it is back');
    expect(describeRunOutcome('stopped', { github: lost })).toBe(
      'stopped: lost the connection to GitHub (ECONNREFUSED); resume when it is back',
    );
    expect(describeRunOutcome('stopped', { github: lost }, '`collect --resume`')).toBe(
      'stopped: lost the connection to GitHub (ECONNREFUSED); `collect --resume` when it is back',
    );
    const lostSo = { status: 'stopped' as const, reason: lostConnectionReason('stackoverflow', 'timed out') };
    expect(describeRunOutcome('stopped', { github: lost, stackoverflow: lostSo }, '`collect --resume`')).toBe(
      'stopped: lost the connection to GitHub (ECONNREFUSED) and to Stack Overflow (timed out); `collect --resume` when they are back',
    );
    const quota = {
      status: 'stopped' as const,
      reason: 'daily quota spent, resets at 00:00 UTC',
      resumeAt: '2026-12-02T00:00:00Z',
    };
    expect(describeRunOutcome('stopped', { github: lost, stackoverflow: quota })).toBe(
      "stopped: lost the connection to GitHub (ECONNREFUSED); resume when it is back; Stack Overflow's daily quota is spent; resume after 00:00 UTC",
    );
    const full = { status: 'stopped' as const, reason: 'Disk full at /data/x.sqlite.' };
    expect(describeRunOutcome('interrupted', { github: { status: 'completed' }, stackoverflow: full })).toBe(
      'interrupted: Disk full at /data/x.sqlite; make room, then resume',
    );
    expect(describeRunOutcome('interrupted', { stackoverflow: full }, '`collect --resume`')).toBe(
      'interrupted: Disk full at /data/x.sqlite; make room, then `collect --resume`',
    );
  });
});
