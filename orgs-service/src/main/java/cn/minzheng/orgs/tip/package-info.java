/**
 * Tip-offs about illegal social organisations (非法社会组织举报线索): anyone files one without a login; an officer
 * of the division investigates and records the outcome.
 */
package cn.minzheng.orgs.tip;
