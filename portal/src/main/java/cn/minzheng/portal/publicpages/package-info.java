/**
 * The public pages (公开信息), without login, for citizens, often elderly, often on a phone: the notice board with
 * its objection form, the facility finder, the organisation search with the register's download, and the published
 * inspection plans. Each call goes to the gateway with the citizen's address and no token.
 */
package cn.minzheng.portal.publicpages;
