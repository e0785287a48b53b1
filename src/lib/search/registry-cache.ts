/**
 * Registry names for build-time code (pages, index script), read once per process:
 * a 10,000-page build must not parse the YAML registries 10,000 times. Node-only.
 */
import { loadRegistries } from '../content/corpus.ts';
import { contentRoot } from '../content/root.ts';
import { registryNames, type RegistryNames } from './fields.ts';

const cache = new Map<string, RegistryNames>();

export function cachedRegistryNames(root: string = contentRoot()): RegistryNames {
  let names = cache.get(root);
  if (!names) {
    names = registryNames(loadRegistries(root));
    cache.set(root, names);
  }
  return names;
}
