/** HTTP for inspection plans, results and their publication. */
package cn.minzheng.orgs.inspection.web;
