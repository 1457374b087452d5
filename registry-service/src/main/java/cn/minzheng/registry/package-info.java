/** registry-service: Marriage, divorce and adoption registry with appointments. Packages below are by feature. */
package cn.minzheng.registry;
