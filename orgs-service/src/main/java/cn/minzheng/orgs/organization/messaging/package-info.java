/** The events of the registry, as records: org.registered, org.listed-abnormal, org.revoked. */
package cn.minzheng.orgs.organization.messaging;
