// The organisations feature: the versioned tree of England, SHAs and PCTs.
export { orgRoutes } from './routes.ts';
export { loadReferenceOrganisations, organisationDetail } from './service.ts';
export { findOrganisations, getOrganisation, describeOrganisations, shaOf, type Organisation } from './repo.ts';
