/** HTTP for the household registry. */
package cn.minzheng.assistance.household.web;
