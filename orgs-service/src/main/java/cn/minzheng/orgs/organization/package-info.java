/**
 * The registry of social organisations (社会组织登记): who is registered, of which type, under which credit code,
 * and the history of every change of status.
 */
package cn.minzheng.orgs.organization;
