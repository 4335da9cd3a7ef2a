import { buildApp } from './fixtures/buildApp';

export default function globalSetup(): void {
  buildApp();
}
