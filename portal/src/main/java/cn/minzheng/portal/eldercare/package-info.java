/** 养老服务 pages: facilities with their beds and residents, admission, reassessment and discharge. */
package cn.minzheng.portal.eldercare;
