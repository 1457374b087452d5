/**
 * The bureau's support of the sector: government-purchased services and venture-philanthropy projects with their
 * evaluation (政府购买服务, 公益创投), incubation-base tenants (孵化基地), and donations pledged to and received by
 * recognised charities.
 */
package cn.minzheng.orgs.support;
