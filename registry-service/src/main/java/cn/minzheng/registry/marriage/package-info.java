/**
 * Marriage registration (结婚登记): the legal checks (ages, sex, declaration, not married already), certificate
 * numbers and their reissue (补领), historical back-entry (历史数据补录), and the ends of a marriage (divorce, death).
 */
package cn.minzheng.registry.marriage;
