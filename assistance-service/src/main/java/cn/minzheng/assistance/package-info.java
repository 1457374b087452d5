/** assistance-service: Low-income assistance: dibao, extremely poor, temporary and marginal households. Packages below are by feature. */
package cn.minzheng.assistance;
