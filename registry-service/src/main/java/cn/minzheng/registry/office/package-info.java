/** Registry offices (婚姻登记处): where, which days they open, and the time bands they take appointments in. */
package cn.minzheng.registry.office;
