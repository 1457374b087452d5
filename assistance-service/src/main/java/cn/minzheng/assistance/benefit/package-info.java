/** Benefit rules: programmes, the means test and the one benefit calculation. */
package cn.minzheng.assistance.benefit;
