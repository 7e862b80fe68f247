import { describe, expect, it } from 'vitest';
import {
  deriveRunStatus,
  describeRunOutcome,
  isResumable,
  limitStopReason,
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

  it('offers interrupted and stopped runs for resume, no others', () => {
    expect(isResumable('interrupted')).toBe(true);
    expect(isResumable('stopped')).toBe(true);
    for (const s of ['completed', 'partial', 'failed', 'cancelled', 'running'] as const)
      expect(isResumable(s)).toBe(false);
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
});
