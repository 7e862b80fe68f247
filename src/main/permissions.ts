import type { Session } from 'electron';

/**
 * The app asks for no permission (camera, microphone, notifications, geolocation, clipboard reading,
 * MIDI, …): every request and every check is denied, so a page that got into the window can't have one.
 */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
