/**
 * Personal data protection (PIPL, DESIGN.md §4): ID numbers encrypted at rest with a lookup hash beside them,
 * {@code personRef} as the only name of a person between services, masking in responses and in every log line.
 */
package cn.minzheng.platform.personal;
