/** HTTP for projects, incubation tenants and charity donations. */
package cn.minzheng.orgs.support.web;
