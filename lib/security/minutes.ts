/** "1 minute", "14 minutes": for "try again in …" messages (rounded up, at least one minute). */
export function minutesPhrase(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}
