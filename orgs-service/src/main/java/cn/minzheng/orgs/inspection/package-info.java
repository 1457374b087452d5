/**
 * 双随机一公开: inspection plans whose targets and inspectors are drawn at random from the register and the pool,
 * reproducibly from a published seed, with recusal of tied inspectors; the results the assigned inspectors enter,
 * with rectification deadlines and follow-up visits; and what is published without a login.
 */
package cn.minzheng.orgs.inspection;
