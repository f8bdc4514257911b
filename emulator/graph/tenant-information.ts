/**
 * tenantRelationships/findTenantInformationByTenantId(tenantId='…') and
 * findTenantInformationByDomainName(domainName='…'): the name, default domain
 * and brand of any tenant in the directory of external tenants.
 */
import { TENANT_INFORMATION_PROPERTIES, TENANT_INFORMATION_TYPE, type TenantInformation } from "../model";
import { graphError } from "./errors";
import { pick, type QueryShape } from "./odata";
import { contextUrl, type GraphResponse, type OpInput } from "./types";

export const TENANT_INFORMATION_SHAPE: QueryShape = {
  options: ["$select"],
  typeName: TENANT_INFORMATION_TYPE,
  selectable: TENANT_INFORMATION_PROPERTIES,
};

/** A DNS name: labels of letters, digits and inner hyphens, at least two of them. */
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/i;

export function isDomainName(value: string): boolean {
  return DOMAIN.test(value);
}

function found({ request, query }: OpInput, tenant: TenantInformation | undefined, what: string): GraphResponse {
  if (!tenant) return graphError(request, 404, "Request_ResourceNotFound", `Tenant information for ${what} was not found.`);
  return {
    status: 200,
    headers: {},
    body: { "@odata.context": contextUrl(request, TENANT_INFORMATION_TYPE), ...pick(tenant, TENANT_INFORMATION_PROPERTIES, query.select) },
  };
}

export const findByTenantId = (input: OpInput) => found(input, input.tenants.findByTenantId(input.id), `tenant '${input.id}'`);

export const findByDomainName = (input: OpInput) => found(input, input.tenants.findByDomainName(input.id), `domain '${input.id}'`);
