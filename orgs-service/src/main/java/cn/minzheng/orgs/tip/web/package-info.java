/** HTTP for tip-offs: the login-free filing, and the officers' list, reading and outcome. */
package cn.minzheng.orgs.tip.web;
