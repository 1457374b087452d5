/** Authorization beyond roles: division scoping, four-eyes, a citizen's own records. Refusals are audited. */
package cn.minzheng.platform.authz;
