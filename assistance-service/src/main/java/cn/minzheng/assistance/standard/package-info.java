/** Assistance standards per county, programme and residence type, with their full history. */
package cn.minzheng.assistance.standard;
