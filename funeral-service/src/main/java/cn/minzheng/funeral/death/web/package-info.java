/** HTTP for deaths and their services. */
package cn.minzheng.funeral.death.web;
