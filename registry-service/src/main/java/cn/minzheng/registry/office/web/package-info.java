/** HTTP for offices and their free places. */
package cn.minzheng.registry.office.web;
