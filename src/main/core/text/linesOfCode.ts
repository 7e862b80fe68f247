/** Lines that hold code: not blank once comments are masked (see maskCode). */
export function linesOfCode(masked: string): number {
  let count = 0;
  for (const line of masked.split('\n')) if (line.trim() !== '') count++;
  return count;
}
