// Every read a change of a unit shows in: the tree's levels, the unit, the search, the planned
// changes and the unit pickers. Each write of the agency tree invalidates them all.
import { listAgencyOptions } from '../../../common/api/admin-users';
import { getAgency, listAgencyChildren, listScheduledChanges, searchAgencies } from '../../../common/api/agencies';
import { listScopeUnits } from '../../../common/api/reports';

export const AGENCY_READS = [listAgencyChildren, getAgency, searchAgencies, listScheduledChanges, listAgencyOptions, listScopeUnits];
