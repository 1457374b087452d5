/** orgs-service: Social organisations: registration and supervision. Packages below are by feature. */
package cn.minzheng.orgs;
