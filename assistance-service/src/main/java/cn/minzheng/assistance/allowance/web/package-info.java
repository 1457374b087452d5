/** HTTP for allowances, their rules and proposals: commands and responses as records. */
package cn.minzheng.assistance.allowance.web;
