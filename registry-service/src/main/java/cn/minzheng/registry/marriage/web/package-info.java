/** HTTP for marriages. */
package cn.minzheng.registry.marriage.web;
