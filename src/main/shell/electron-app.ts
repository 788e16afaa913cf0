export function startElectronApp(): void {}
