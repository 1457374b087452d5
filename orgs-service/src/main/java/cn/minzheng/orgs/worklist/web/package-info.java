/** {@code GET /api/orgs/worklists}: the caller's worklists with their lengths and lists. */
package cn.minzheng.orgs.worklist.web;
