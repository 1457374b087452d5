/** HTTP for the registry: officers register and list, the public searches the disclosure list without a login. */
package cn.minzheng.orgs.organization.web;
