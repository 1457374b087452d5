/** HTTP for divorce applications, withdrawals, registrations and counselling. */
package cn.minzheng.registry.divorce.web;
