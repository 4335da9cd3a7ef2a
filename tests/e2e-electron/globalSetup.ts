import { buildApp } from '../e2e/fixtures/buildApp';
import { findElectronBinary } from './electronBinary';

/** Builds the app only when there is an Electron binary to run it (otherwise every test skips). */
export default function globalSetup(): void {
  if (findElectronBinary().found) buildApp();
}
