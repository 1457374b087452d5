/** 殡葬管理 pages: the after-death one-thing cases each office answers. */
package cn.minzheng.portal.funeral;
