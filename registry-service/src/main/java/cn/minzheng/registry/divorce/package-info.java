/**
 * Divorce by agreement (协议离婚, Civil Code art. 1077): the application, 30 days of cooling-off in which either
 * party may withdraw, 30 more days to register, and the application deemed withdrawn when that passes; marriage
 * counselling offered along the way.
 */
package cn.minzheng.registry.divorce;
