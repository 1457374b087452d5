/** The gateway: routes, JWT check, request ids, limits and problem+json for what it answers itself. */
package cn.minzheng.gateway;
