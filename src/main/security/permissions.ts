/**
 * Session permission requests and checks (camera, microphone, geolocation, notifications,
 * clipboard, HID, serial, ...). The renderer needs none: everything that touches the desktop
 * goes through the contract to the main process, so every permission is denied.
 */
export function allowPermission(_permission: string, _requestingUrl: string | null): boolean {
  return false
}
