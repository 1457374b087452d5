/**
 * Platform plumbing shared by every Minzheng service: security, problem details, request ids, health.
 * It must never hold a domain type; an ArchUnit test in each service keeps it that way.
 */
package cn.minzheng.platform;
