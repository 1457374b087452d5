/** HTTP for adoptions. */
package cn.minzheng.registry.adoption.web;
