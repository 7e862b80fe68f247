export const BRIDGE_PORT = 5199;
export const BRIDGE_URL = `http://127.0.0.1:${BRIDGE_PORT}`;

/** Gives the next spec a fresh install: new data folder, default settings, empty database. */
export async function resetBridge(): Promise<void> {
  const response = await fetch(`${BRIDGE_URL}/__test__/reset`, { method: 'POST' });
  if (response.status !== 204) throw new Error(`bridge reset answered ${response.status}`);
}
