// PingOne's regions: the one list (the Region select, the settings schema and the host builder read it).
// developer.pingidentity.com "API requests"; github.com/pingidentity/pingone-go-sdk-v2 pingone/model/region.go

export const PINGONE_REGION_IDS = ['NA', 'CA', 'EU', 'AU', 'SG', 'AP'] as const;
export type PingOneRegionId = (typeof PINGONE_REGION_IDS)[number];

/** A PingOne region: its top-level domain and a label for the Region select. */
export interface PingOneRegion {
  id: PingOneRegionId;
  tld: string;
  label: string;
}

/** The PingOne regions; NA (`pingone.com`) is the default. */
export const PINGONE_REGIONS: readonly PingOneRegion[] = Object.freeze([
  { id: 'NA', tld: 'com', label: 'North America (pingone.com)' },
  { id: 'CA', tld: 'ca', label: 'Canada (pingone.ca)' },
  { id: 'EU', tld: 'eu', label: 'Europe (pingone.eu)' },
  { id: 'AU', tld: 'com.au', label: 'Australia (pingone.com.au)' },
  { id: 'SG', tld: 'sg', label: 'Singapore (pingone.sg)' },
  { id: 'AP', tld: 'asia', label: 'Asia-Pacific (pingone.asia)' },
]);

export const DEFAULT_PINGONE_REGION: PingOneRegionId = 'NA';
