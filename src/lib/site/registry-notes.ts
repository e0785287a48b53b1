/** What became of a historical province or issuer: shown next to every historical name. */
import type { Issuer, Province } from '../schema/registries.ts';
import type { SiteData } from './data.ts';

export interface Successor<T> {
  /** The registry entry it became, when the registry has it. */
  entry: T | undefined;
  id: string;
  date: string;
  note: string | undefined;
}

export function provinceSuccessor(data: SiteData, id: string): Successor<Province> | null {
  const p = data.province(id);
  if (!p?.mergedInto) return null;
  return { entry: data.province(p.mergedInto.id), id: p.mergedInto.id, date: p.mergedInto.date, note: p.mergedInto.note };
}

export function issuerSuccessor(data: SiteData, id: string): Successor<Issuer> | null {
  const i = data.issuer(id);
  if (!i?.succeededBy) return null;
  return { entry: data.issuer(i.succeededBy.id), id: i.succeededBy.id, date: i.succeededBy.date, note: i.succeededBy.note };
}

/** Provinces merged into this one (shown on the new province's page). */
export function mergedProvinces(data: SiteData, id: string): Province[] {
  return data.registries.provinces.filter((p) => p.mergedInto?.id === id);
}

export function predecessorIssuers(data: SiteData, id: string): Issuer[] {
  return data.registries.issuers.filter((i) => i.succeededBy?.id === id);
}
