/** 社会组织管理 pages: the register, 双随机一公开 plans, an inspector's own targets and the result form. */
package cn.minzheng.portal.orgs;
