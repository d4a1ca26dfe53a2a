import 'server-only';
import { loadSecrets, type Secrets } from './secret-sources';

export function getSecrets(): Secrets {
  return loadSecrets();
}
